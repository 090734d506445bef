let asked = false;

/**
 * Asks the browser once per session to keep this site's data even under storage pressure, once there
 * is something worth keeping (called after an answer is stored). Browsers may grant it silently.
 */
export async function keepStoragePersistent(): Promise<boolean> {
  if (asked || !navigator.storage?.persist) return false;
  asked = true;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}

export interface StorageReport {
  usageBytes: number;
  quotaBytes: number;
  persistent: boolean;
}

/** How much this site stores, how much it may, and whether the browser promised to keep it. */
export async function storageReport(): Promise<StorageReport | undefined> {
  if (!navigator.storage?.estimate) return undefined;
  const [estimate, persistent] = await Promise.all([navigator.storage.estimate(), navigator.storage.persisted()]);
  return { usageBytes: estimate.usage ?? 0, quotaBytes: estimate.quota ?? 0, persistent };
}

/** Asks for persistent storage now, because the person pressed the button. */
export async function requestPersistentStorage(): Promise<boolean> {
  return navigator.storage?.persist ? navigator.storage.persist() : false;
}
