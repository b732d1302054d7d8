export declare const HEADER: readonly string[];
export declare const FIRST_YEAR: number;
export declare const LAST_YEAR: number;
export declare const REFERENCE_DIR: string;
/** The rows of datasets/internet-users.csv (country, year, population, internet_users_pct, internet_users), as text. */
export declare function internetUserRows(populationText: string, shareText: string): string[][];
/** The file's text from the reference copy, or null when the copy is not on this machine. */
export declare function generateFromReference(dir?: string): Promise<string | null>;
