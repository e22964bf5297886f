// Reads a picked spreadsheet in the browser for POST /api/crm/<resource>/import: CSV as text,
// XLSX as base64 (the server parses both; see backend/src/crm/import-file.ts).
export interface PickedFile {
  name: string;
  file: string;
  format: 'csv' | 'xlsx';
}

const base64 = (bytes: ArrayBuffer): string => {
  const view = new Uint8Array(bytes);
  let out = '';
  for (let i = 0; i < view.length; i += 0x8000) out += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(out);
};

export const readPicked = async (file: File): Promise<PickedFile> => {
  if (/\.xlsx$/i.test(file.name)) return { name: file.name, file: base64(await file.arrayBuffer()), format: 'xlsx' };
  return { name: file.name, file: await file.text(), format: 'csv' };
};
