// Table types added by migration 013_performance, merged into the Database interface of schema.ts.

export interface SetupVersionTable {
  company_id: number;
  /** Random; replaced by triggers in the transaction that writes any of the company's setup rows. */
  version: number;
}

declare module './schema.js' {
  interface Database { setup_versions: SetupVersionTable }
}
