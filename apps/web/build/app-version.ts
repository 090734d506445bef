import { readFileSync } from 'node:fs';

/**
 * The version shown in Settings and compared by the update flow: the package version, plus a build
 * label when one is given (HEARTH_BUILD_LABEL), so two builds of one version can be told apart.
 */
export function appVersion(): string {
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  const label = process.env.HEARTH_BUILD_LABEL?.trim();
  return label ? `${version}+${label}` : version;
}
