import { cidrContains, parseCidr, parseIp } from './ip';
import {
  compileArnPattern,
  compileWildcard,
  compileWildcardList,
} from './wildcard';

describe('wildcards', () => {
  it.each([
    ['*', 'anything', true],
    ['ec2:Describe*', 'ec2:DescribeInstances', true],
    ['ec2:Describe*', 'ec2:describeInstances', false],
    ['s3:Get?bject', 's3:GetObject', true],
    ['s3:Get?bject', 's3:GetObbject', false],
    ['a.b', 'axb', false],
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/x/y', true],
    ['exact', 'exact', true],
    ['exact', 'exact2', false],
  ])('%s on %s is %s', (pattern, value, expected) => {
    expect(compileWildcard(pattern)(value)).toBe(expected);
  });

  it('matches a list with exact and wildcard patterns', () => {
    const m = compileWildcardList(['iam:createuser', 'cloudtrail:*']);
    expect(m('iam:createuser')).toBe(true);
    expect(m('cloudtrail:stoplogging')).toBe(true);
    expect(m('iam:createrole')).toBe(false);
  });

  it('matches ARNs part by part', () => {
    const m = compileArnPattern('arn:aws:iam::*:role/Admin*');
    expect(m('arn:aws:iam::123456789012:role/AdminOps')).toBe(true);
    expect(m('arn:aws:iam::123456789012:user/AdminOps')).toBe(false);
    expect(m('not-an-arn')).toBe(false);
    // "*" in the account part does not spill into the resource part.
    const account = compileArnPattern('arn:aws:iam::*:role/x');
    expect(account('arn:aws:iam::1:role/x')).toBe(true);
    expect(account('arn:aws:iam::1:2:role/x')).toBe(false);
    expect(
      compileWildcard('arn:aws:iam::*:role/x')('arn:aws:iam::1:2:role/x'),
    ).toBe(true);
  });
});

describe('IP addresses', () => {
  it.each([
    ['192.0.2.0/24', '192.0.2.255', true],
    ['192.0.2.0/24', '192.0.3.1', false],
    ['10.0.0.0/8', '10.200.1.1', true],
    ['203.0.113.7', '203.0.113.7', true],
    ['203.0.113.7', '203.0.113.8', false],
    ['0.0.0.0/0', '8.8.8.8', true],
    ['2001:db8::/32', '2001:db8:1::5', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['::1', '0:0:0:0:0:0:0:1', true],
    ['::ffff:192.0.2.0/120', '::ffff:192.0.2.9', true],
    ['2001:db8::/32', '192.0.2.1', false],
  ])('%s contains %s: %s', (cidr, ip, expected) => {
    expect(cidrContains(parseCidr(cidr)!, parseIp(ip)!)).toBe(expected);
  });

  it.each(['256.0.0.1', '1.2.3', '1:2:3', 'a::b::c', '10.0.0.0/33', 'x'])(
    'rejects %s',
    text => {
      expect(parseCidr(text)).toBeUndefined();
    },
  );
});
