/** Types of scripts/build.mjs (the compiled build bin/highneeds.js runs). */
/** A hash of the sources' paths, sizes and mtimes. */
export function sourceStamp(): string;
/** The entry module of the current build, or undefined when there is none for these sources. */
export function currentBuild(stamp?: string): string | undefined;
/** Builds the sources into dist/<stamp>/ (unless already built) and returns the entry module's path. */
export function build(stamp?: string): Promise<string>;
