import { z } from 'zod';
import type { CrmObjectType } from './object-types.ts';
import type { PropertyCatalog } from './property-catalog.ts';
import { optionLabel, type PropertyDefinition } from './property-definition.ts';
import { SandboxHttpError, validationError } from './sandbox-http-error.ts';

const Option = z.object({
  label: z.string().min(1),
  value: z.string().min(1),
  description: z.string().optional(),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().optional(),
});

export const PropertyCreate = z.object({
  name: z.string(),
  label: z.string().min(1),
  type: z.string(),
  fieldType: z.string(),
  groupName: z.string(),
  description: z.string().optional(),
  options: z.array(Option).optional(),
  displayOrder: z.number().int().optional(),
  hasUniqueValue: z.boolean().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
});

type Input = z.infer<typeof PropertyCreate>;

// Which fieldType each type takes (HubSpot's property docs). calculation_equation is left out:
// it needs a formula the sandbox does not evaluate.
const FIELD_TYPES: Record<string, readonly string[]> = {
  string: ['text', 'textarea', 'html', 'file', 'phonenumber'],
  number: ['number'],
  date: ['date'],
  datetime: ['date'],
  enumeration: ['booleancheckbox', 'checkbox', 'radio', 'select'],
  bool: ['booleancheckbox'],
  phone_number: ['phonenumber'],
};

export const INTERNAL_NAME = /^[a-z][a-z0-9_]*$/;

function checkShape(input: Input): void {
  if (!INTERNAL_NAME.test(input.name)) {
    throw validationError(
      `Property name "${input.name}" must start with a lowercase letter and hold only lowercase letters, digits and underscores.`,
    );
  }
  const fieldTypes = FIELD_TYPES[input.type];
  if (!fieldTypes)
    throw validationError(
      `"${input.type}" is not a property type: use one of ${Object.keys(FIELD_TYPES).join(', ')}.`,
    );
  if (!fieldTypes.includes(input.fieldType)) {
    throw validationError(
      `fieldType "${input.fieldType}" does not go with type "${input.type}": use one of ${fieldTypes.join(', ')}.`,
    );
  }
  const values = (input.options ?? []).map((option) => option.value);
  if (input.type === 'enumeration' && values.length === 0) {
    throw validationError(
      `Property "${input.name}" is an enumeration: give it at least one option.`,
    );
  }
  if (new Set(values).size !== values.length)
    throw validationError(`Property "${input.name}" has duplicate option values.`);
}

function definitionOf(input: Input, displayOrder: number, at: string): PropertyDefinition {
  const options =
    input.options ??
    (input.type === 'bool'
      ? [
          { label: 'Yes', value: 'true' },
          { label: 'No', value: 'false' },
        ]
      : []);
  return {
    name: input.name,
    label: input.label,
    type: input.type,
    fieldType: input.fieldType,
    description: input.description ?? '',
    groupName: input.groupName,
    options: options.map((option, index) => ({
      label: option.label || optionLabel(option.value),
      value: option.value,
      description: 'description' in option ? (option.description ?? '') : '',
      displayOrder: 'displayOrder' in option ? (option.displayOrder ?? index) : index,
      hidden: 'hidden' in option ? (option.hidden ?? false) : false,
    })),
    displayOrder,
    calculated: false,
    externalOptions: false,
    hasUniqueValue: input.hasUniqueValue ?? false,
    hidden: input.hidden ?? false,
    formField: input.formField ?? true,
    modificationMetadata: { archivable: true, readOnlyDefinition: false, readOnlyValue: false },
    createdAt: at,
    updatedAt: at,
    archived: false,
  };
}

/** Validates and stores a new custom property: 409 when the name is taken, 400 when malformed. */
export function createProperty(
  catalog: PropertyCatalog,
  type: CrmObjectType,
  input: Input,
  at: string,
): PropertyDefinition {
  checkShape(input);
  if (catalog.property(type, input.name)) {
    throw new SandboxHttpError(409, 'CONFLICT', `Property named '${input.name}' already exists.`);
  }
  if (!catalog.group(type, input.groupName)) {
    throw validationError(
      `Property group "${input.groupName}" does not exist for ${type}: create it first.`,
    );
  }
  const definition = definitionOf(input, input.displayOrder ?? -1, at);
  catalog.addProperty(type, definition);
  return definition;
}
