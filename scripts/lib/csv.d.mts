export declare function csvField(value: string | number): string;
export declare function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string;
export declare function parseCsv(text: string): string[][];
