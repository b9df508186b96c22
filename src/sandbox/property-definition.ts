/** A property in HubSpot's property shape, as GET /crm/v3/properties/{objectType} returns it. */
export interface PropertyDefinition {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  description: string;
  groupName: string;
  options: PropertyOption[];
  displayOrder: number;
  calculated: boolean;
  externalOptions: boolean;
  hasUniqueValue: boolean;
  hidden: boolean;
  hubspotDefined?: boolean;
  formField: boolean;
  referencedObjectType?: string;
  modificationMetadata: {
    archivable: boolean;
    readOnlyDefinition: boolean;
    readOnlyValue: boolean;
  };
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface PropertyOption {
  label: string;
  value: string;
  description: string;
  displayOrder: number;
  hidden: boolean;
}

/** The few facts a catalog entry states; the rest of the shape is filled in by defineProperty. */
export interface PropertySpec {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  options?: readonly string[];
  hubspotDefined?: boolean;
  readOnly?: boolean;
  calculated?: boolean;
  referencedObjectType?: string;
}

/** "on_time" → "On time", "NOT_STARTED" → "Not started". */
export function optionLabel(value: string): string {
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function defineProperty(
  spec: PropertySpec,
  displayOrder: number,
  createdAt: string,
): PropertyDefinition {
  const native = spec.hubspotDefined === true;
  return {
    name: spec.name,
    label: spec.label,
    type: spec.type,
    fieldType: spec.fieldType,
    description: '',
    groupName: spec.groupName,
    options: (spec.options ?? []).map((value, index) => ({
      label: spec.type === 'bool' ? (value === 'true' ? 'Yes' : 'No') : optionLabel(value),
      value,
      description: '',
      displayOrder: index,
      hidden: false,
    })),
    displayOrder,
    calculated: spec.calculated === true,
    externalOptions: spec.referencedObjectType !== undefined,
    hasUniqueValue: false,
    hidden: false,
    ...(native ? { hubspotDefined: true } : {}),
    formField: !native,
    ...(spec.referencedObjectType ? { referencedObjectType: spec.referencedObjectType } : {}),
    modificationMetadata: {
      archivable: !native,
      readOnlyDefinition: native,
      readOnlyValue: spec.readOnly === true || spec.calculated === true,
    },
    createdAt,
    updatedAt: createdAt,
    archived: false,
  };
}

/** A property group in HubSpot's shape. */
export interface PropertyGroup {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
}

/** What a portal knows about one object type before the app creates anything. */
export interface ObjectCatalog {
  groups: readonly { name: string; label: string }[];
  properties: readonly PropertySpec[];
}
