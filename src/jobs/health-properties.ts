import type { PropertyDefinition } from '../hubspot/create-property.ts';

/** The company properties Vitals writes, all in one group. */
export const HEALTH_GROUP = {
  name: 'customer_health',
  label: 'Customer health',
  displayOrder: -1,
} as const;

const property = (def: Omit<PropertyDefinition, 'groupName'>): PropertyDefinition => ({
  ...def,
  groupName: HEALTH_GROUP.name,
});

/** Tier options cover every tier of every preset, plus "unknown" for accounts with no data. */
export function healthProperties(tiers: { key: string; label: string }[]): PropertyDefinition[] {
  const options = [...tiers, { key: 'unknown', label: 'Unknown (no data)' }].map((t, i) => ({
    label: t.label,
    value: t.key,
    displayOrder: i,
  }));
  return [
    property({
      name: 'health_score',
      label: 'Health score',
      description: 'Customer health from 0 to 100; empty when there is no data to score.',
      type: 'number',
      fieldType: 'number',
    }),
    property({
      name: 'health_tier',
      label: 'Health tier',
      description: 'The band the health score falls in.',
      type: 'enumeration',
      fieldType: 'select',
      options,
    }),
    property({
      name: 'health_score_change_7d',
      label: 'Health change (7 days)',
      description: 'Points gained or lost over the last 7 days.',
      type: 'number',
      fieldType: 'number',
    }),
    property({
      name: 'health_coverage',
      label: 'Health data coverage (%)',
      description: 'How much of the scoring model had data for this company.',
      type: 'number',
      fieldType: 'number',
    }),
    property({
      name: 'health_top_drivers',
      label: 'Health: what costs points',
      description: 'The signals that hold the score down the most.',
      type: 'string',
      fieldType: 'textarea',
    }),
    property({
      name: 'health_recommended_plays',
      label: 'Health: recommended plays',
      description: 'What to do next for this account.',
      type: 'string',
      fieldType: 'textarea',
    }),
    property({
      name: 'health_changed_at',
      label: 'Health last changed',
      description: 'When the score or tier last changed.',
      type: 'datetime',
      fieldType: 'date',
    }),
    property({
      name: 'health_model',
      label: 'Health model',
      description: 'The scoring model and version behind the score.',
      type: 'string',
      fieldType: 'text',
    }),
  ];
}

export const WRITTEN_PROPERTIES = [
  'health_score',
  'health_tier',
  'health_score_change_7d',
  'health_coverage',
  'health_top_drivers',
  'health_changed_at',
  'health_model',
] as const;
