// Which resources have a spreadsheet import (the resources of config/import.json), kept apart
// from the lazy import page so the list toolbars can link it without loading the page.
import importConfig from '../../../config/import.json';

export const IMPORT_HEADERS = importConfig.headers as Record<string, Record<string, string[]>>;
export const isImportable = (resource: string | undefined): boolean => !!resource && Object.hasOwn(IMPORT_HEADERS, resource);
