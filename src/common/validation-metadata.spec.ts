import type { Type } from '@nestjs/common';
import { IsInt, IsString, validateSync, ValidationTypes } from 'class-validator';
import type { MetadataStorage as Storage } from 'class-validator/types/metadata/MetadataStorage';
import type { ValidationMetadata as Metadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { ValidationMetadataArgs } from 'class-validator/types/metadata/ValidationMetadataArgs';
import { memoizeValidationMetadata } from './validation-metadata';

// a storage of its own for the first tests, so they see only their own rules
/* eslint-disable @typescript-eslint/no-require-imports */
const { MetadataStorage } = require('class-validator/cjs/metadata/MetadataStorage') as {
  MetadataStorage: new () => Storage;
};
const { ValidationMetadata } = require('class-validator/cjs/metadata/ValidationMetadata') as {
  ValidationMetadata: new (args: ValidationMetadataArgs) => Metadata;
};
/* eslint-enable @typescript-eslint/no-require-imports */

class Named {
  name!: string;
}

const rule = (target: Type<unknown>, propertyName: string) =>
  new ValidationMetadata({
    type: ValidationTypes.IS_DEFINED,
    target,
    propertyName,
    validationOptions: {},
  });

describe('memoizeValidationMetadata', () => {
  it("looks a class's rules up once, and groups them once", () => {
    const storage = new MetadataStorage();
    storage.addValidationMetadata(rule(Named, 'name'));
    memoizeValidationMetadata(storage);
    const first = storage.getTargetValidationMetadatas(Named, '', false, false);
    const again = storage.getTargetValidationMetadatas(Named, '', false, false);
    expect(again).toBe(first);
    expect(storage.groupByPropertyName(again)).toBe(storage.groupByPropertyName(first));
    expect(Object.keys(storage.groupByPropertyName(first))).toStrictEqual(['name']);
  });

  it('keeps lookups with other options apart', () => {
    const storage = new MetadataStorage();
    storage.addValidationMetadata({
      ...rule(Named, 'name'),
      groups: ['admin'],
    });
    memoizeValidationMetadata(storage);
    expect(storage.getTargetValidationMetadatas(Named, '', false, false, ['admin'])).toHaveLength(
      1,
    );
    expect(storage.getTargetValidationMetadatas(Named, '', false, false, ['guest'])).toHaveLength(
      0,
    );
  });

  it('forgets what it looked up when a rule is registered afterwards', () => {
    class Account {
      @IsString()
      name!: string;
    }
    memoizeValidationMetadata();
    const account = Object.assign(new Account(), { name: 'a', age: 'x' });
    expect(validateSync(account)).toHaveLength(0);
    IsInt()(Account.prototype, 'age');
    expect(validateSync(account).map((error) => error.property)).toStrictEqual(['age']);
  });
});
