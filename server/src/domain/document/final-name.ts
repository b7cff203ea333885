// The file name of a sealed final document: "contract.pdf" becomes "contract-signed.pdf".
export const finalName = (filename: string) => filename.replace(/(\.pdf)?$/i, '-signed.pdf');
