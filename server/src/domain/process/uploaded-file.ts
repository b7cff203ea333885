// A file received from a client, before it is stored.
export interface UploadedFile {
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}
