/** The tool's name and version, as written into every output. */
export const TOOL = 'highneeds';
export const VERSION = '0.1.0';
