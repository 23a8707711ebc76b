// Where each contract of a customer is checked against the executing maintenance regions: the
// installation point of its diagnosed login, else the customer's location. Several contracts at the
// same point share one lookup.

export type LngLat = [lng: number, lat: number];

export interface Located {
  lat: number | null;
  lng: number | null;
}

/** "lng,lat": the key of one distinct point. */
export const pointKey = ([lng, lat]: LngLat): string => `${lng},${lat}`;

/** The point of a contract: its login's, else the customer's; null when neither has coordinates. */
export function contractPoint(login: Located | null, customer: Located): LngLat | null {
  if (login && login.lng !== null && login.lat !== null) return [login.lng, login.lat];
  return customer.lng !== null && customer.lat !== null ? [customer.lng, customer.lat] : null;
}

/**
 * The point key of every contract (null: nowhere to check) and the distinct points to look up. A customer
 * without contracts is checked at their own location.
 */
export function locateContracts<L extends Located>(
  customer: Located,
  contracts: readonly { id: number }[],
  loginOf: (contractId: number) => L | null,
): { keyOf: Map<number, string | null>; customerKey: string | null; points: Map<string, LngLat> } {
  const points = new Map<string, LngLat>();
  const keyOf = new Map<number, string | null>();
  for (const contract of contracts) {
    const p = contractPoint(loginOf(contract.id), customer);
    const key = p ? pointKey(p) : null;
    keyOf.set(contract.id, key);
    if (p && key) points.set(key, p);
  }
  const own = contractPoint(null, customer);
  const customerKey = own ? pointKey(own) : null;
  if (contracts.length === 0 && own && customerKey) points.set(customerKey, own);
  return { keyOf, customerKey, points };
}
