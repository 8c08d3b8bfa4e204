import { Entity } from '@backstage/catalog-model';
import {
  awsAccountEntityName,
  getAwsAccountIdAnnotation,
  isAwsAccountEntity,
  isValidAwsAccountId,
} from './accounts';

const entity = (
  kind: string,
  annotations?: Record<string, string>,
  type?: string,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x', annotations },
  spec: type ? { type } : {},
});

describe('account ids', () => {
  it.each(['123456789012', '000000000001'])('accepts %s', id => {
    expect(isValidAwsAccountId(id)).toBe(true);
  });

  it.each(['12345678901', '1234567890123', '12345678901a', ' 123456789012'])(
    'rejects %j',
    id => {
      expect(isValidAwsAccountId(id)).toBe(false);
    },
  );

  it('names account entities by id', () => {
    expect(awsAccountEntityName('724108355203')).toBe(
      'aws-account-724108355203',
    );
    expect(() => awsAccountEntityName('nope')).toThrow(/expected 12 digits/);
  });
});

describe('getAwsAccountIdAnnotation', () => {
  it('is undefined without the annotation', () => {
    expect(getAwsAccountIdAnnotation(entity('Component'))).toBeUndefined();
  });

  it('trims and returns a valid id', () => {
    expect(
      getAwsAccountIdAnnotation(
        entity('Component', { 'amazonaws.com/account-id': ' 724108355203 ' }),
      ),
    ).toBe('724108355203');
  });

  it('names the entity when the annotation is malformed', () => {
    expect(() =>
      getAwsAccountIdAnnotation(
        entity('Component', { 'amazonaws.com/account-id': '7241-0835-5203' }),
      ),
    ).toThrow(/Component:default\/x is "7241-0835-5203"/);
  });
});

describe('isAwsAccountEntity', () => {
  const annotations = { 'amazonaws.com/account-id': '724108355203' };

  it('recognises cloud-account resources', () => {
    expect(
      isAwsAccountEntity(entity('Resource', annotations, 'cloud-account')),
    ).toBe(true);
  });

  it('rejects services, other resource types and unannotated accounts', () => {
    expect(
      isAwsAccountEntity(entity('Component', annotations, 'service')),
    ).toBe(false);
    expect(
      isAwsAccountEntity(entity('Resource', annotations, 'database')),
    ).toBe(false);
    expect(isAwsAccountEntity(entity('Resource', {}, 'cloud-account'))).toBe(
      false,
    );
  });
});
