import type { Gateway } from '../hubspot/create-gateway.ts';

/**
 * Owner id → name, from one read of the portal's owners the first time a name is asked for.
 * An owner HubSpot does not name (or a read that fails) gives null: the brief shows the id.
 */
export function ownerNames(
  gateway: Pick<Gateway, 'listOwners'>,
): (ownerId: string) => Promise<string | null> {
  let names: Promise<Map<string, string>> | null = null;
  return async (ownerId) => {
    names ??= gateway.listOwners().then(
      (owners) =>
        new Map(
          owners.flatMap((o) => {
            const name = [o.firstName, o.lastName].filter((p) => p).join(' ') || o.email;
            return name ? [[o.id, name] as const] : [];
          }),
        ),
      () => new Map(),
    );
    return (await names).get(ownerId) ?? null;
  };
}
