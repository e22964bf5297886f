// Drops the run's template database (tests/helpers/global-setup.ts).
export default async function globalTeardown() {
  const g = globalThis as { crmTemplate?: { drop: () => Promise<void> } };
  await g.crmTemplate?.drop();
  g.crmTemplate = undefined;
}
