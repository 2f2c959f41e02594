// Table types added by migration 012_customer_fields, merged into the Database interface of schema.ts.
export interface CustomerFieldValueTable { customer_id: number; name: string; value: string }

declare module './schema.js' {
  interface Database { customer_field_values: CustomerFieldValueTable }
}
