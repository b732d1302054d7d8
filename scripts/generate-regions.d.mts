export declare const HEADER: readonly string[];
/** The rows of datasets/regions.csv: code, m49, region, subregion; sorted by code. */
export declare function regionRows(): string[][];
