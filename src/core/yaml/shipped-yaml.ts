/**
 * Reads a YAML file shipped beside the code (the default policy, the default examples): constants
 * of the product, not configuration. The compiled CLI (bin/compiled-cli.js) replaces this module
 * with one holding those files already parsed to JSON at build time, because parsing the YAML was
 * about a fifth of `baton triage`'s start-up; anything it did not build is read and parsed here.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The parsed document of a shipped YAML file. */
export const readShippedYaml = (url: URL): unknown => parse(readFileSync(url, 'utf8'));
