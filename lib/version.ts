import pkg from "../package.json" with { type: "json" };

/** Sundial's release, as recorded by each worker and shown in the dashboard. */
export const SUNDIAL_VERSION: string = pkg.version;
