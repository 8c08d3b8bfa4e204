import { createHash } from 'node:crypto';

/** A message attribute as the JSON protocol carries it (binary in base64). @public */
export interface MessageAttributeValue {
  DataType: string;
  StringValue?: string;
  BinaryValue?: string;
}

/** @public */
export type MessageAttributes = Record<string, MessageAttributeValue>;

/** The MD5 of a message body, hex, as SQS returns it in MD5OfBody. */
export function md5Hex(text: string): string {
  return createHash('md5').update(text, 'utf8').digest('hex');
}

function lengthPrefixed(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/**
 * MD5OfMessageAttributes as the SQS Developer Guide defines it: the
 * attributes sorted by name, each encoded as its name, data type (both
 * length-prefixed UTF-8), a transport byte (1 string, 2 binary) and its
 * length-prefixed value.
 */
export function md5OfMessageAttributes(attributes: MessageAttributes): string {
  const hash = createHash('md5');
  for (const name of Object.keys(attributes).sort()) {
    const { DataType, StringValue, BinaryValue } = attributes[name];
    hash.update(lengthPrefixed(Buffer.from(name, 'utf8')));
    hash.update(lengthPrefixed(Buffer.from(DataType, 'utf8')));
    if (DataType.startsWith('Binary')) {
      hash.update(Buffer.from([2]));
      hash.update(lengthPrefixed(Buffer.from(BinaryValue ?? '', 'base64')));
    } else {
      hash.update(Buffer.from([1]));
      hash.update(lengthPrefixed(Buffer.from(StringValue ?? '', 'utf8')));
    }
  }
  return hash.digest('hex');
}
