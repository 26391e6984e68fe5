/** Python package names as packaging compares them. */

/** PEP 503 name normalisation: `Foo_Bar.baz` → `foo-bar-baz`. */
export const normalizeName = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, '-');

/** A PEP 508 requirement's normalised name: `Foo_Bar[x]>=1; python_version>"3"` → `foo-bar`. */
export const requirementName = (req: string): string => normalizeName(/^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(req)?.[1] ?? '');
