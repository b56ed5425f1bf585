/** A catalogue with the same keys as the French one (values are any strings): what each feature's translations must match. */
export type CatalogueShape<T> = { [K in keyof T]: T[K] extends string ? string : CatalogueShape<T[K]> };
