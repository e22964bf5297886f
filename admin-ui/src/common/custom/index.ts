// Custom fields (low-code): one set of components every record kind uses for its inputs, show
// page, list columns and list filters, driven by the definitions an admin edits at run time.
export { CustomInputs, CustomInput } from './CustomInputs';
export { CustomSection } from './CustomSection';
export { CustomColumns } from './CustomColumns';
export { useCustomFilters } from './useCustomFilters';
export { CustomValue } from './CustomValue';
export * from './useCustomFields';
