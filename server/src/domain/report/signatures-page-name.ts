// The file name of a document's separate signatures page: "contract.pdf" becomes "contract-signatures.pdf".
export const signaturesPageName = (filename: string) => filename.replace(/(\.pdf)?$/i, '-signatures.pdf');
