// Talks to the Secure Signature API from either host. Authentication is the host's business: a Bearer token in
// Outlook, the session cookie plus its CSRF token on /start.
import type { AddressBookEntry, BlockGroups, CurrentUser, ErrorBody, ProcessSearchResult, ProcessView, ReportTemplateOptions, StartClient, StartFormConfig } from '@secure-signature/shared';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
    /** The input field the server named, e.g. "signers.1.email". */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type ApiAuth = () => Promise<Record<string, string>>;

export type UploadFile = { name: string; bytes: Uint8Array; kind: 'document' | 'attachment' };
export type UploadProgress = { loaded: number; total: number };

export class ApiClient {
  constructor(
    readonly baseUrl: string,
    private readonly auth: ApiAuth,
    private readonly client: StartClient,
  ) {}

  config(): Promise<StartFormConfig> {
    return this.request('GET', '/api/v1/start-form/config', undefined, false);
  }

  me(): Promise<CurrentUser> {
    return this.request('GET', '/api/v1/me');
  }

  addressBook(): Promise<{ entries: AddressBookEntry[] }> {
    return this.request('GET', '/api/v1/address-book');
  }

  blockGroups(): Promise<BlockGroups> {
    return this.request('GET', '/api/v1/start-form/groups');
  }

  reportTemplates(): Promise<ReportTemplateOptions> {
    return this.request('GET', '/api/v1/start-form/report-templates');
  }

  myProcesses(limit = 20): Promise<ProcessSearchResult> {
    return this.request('GET', `/api/v1/processes?scope=mine&sort=-created&limit=${limit}`);
  }

  /** Followers can open the process in the web UI. */
  processUrl(id: string): string {
    return `${this.baseUrl}/processes/${encodeURIComponent(id)}`;
  }

  /**
   * Starts a process: one multipart request with the process JSON and the files, sent with XMLHttpRequest
   * because fetch cannot report upload progress.
   */
  async startProcess(process: unknown, files: UploadFile[], onProgress: (p: UploadProgress) => void): Promise<ProcessView> {
    const form = new FormData();
    form.append('process', JSON.stringify(process));
    for (const f of files) {
      form.append(f.kind === 'document' ? 'documents' : 'attachments', new Blob([f.bytes as BlobPart], { type: f.kind === 'document' ? 'application/pdf' : 'application/octet-stream' }), f.name);
    }
    const headers = await this.headers();
    return new Promise<ProcessView>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${this.baseUrl}/api/v1/processes`);
      for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
      xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
      xhr.onerror = () => reject(new ApiError('The server could not be reached; check the connection and try again', 0));
      xhr.ontimeout = xhr.onerror;
      xhr.onload = () => {
        const body = parseJson(xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300) resolve(body as ProcessView);
        else reject(toApiError(xhr.status, body));
      };
      xhr.send(form);
    });
  }

  private async headers(withAuth = true): Promise<Record<string, string>> {
    return { 'X-Client': this.client, Accept: 'application/json', ...(withAuth ? await this.auth() : {}) };
  }

  private async request<T>(method: string, path: string, body?: unknown, withAuth = true): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { ...(await this.headers(withAuth)), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError('The server could not be reached; check the connection and try again', 0);
    }
    const parsed = parseJson(await response.text());
    if (!response.ok) throw toApiError(response.status, parsed);
    return parsed as T;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  const error = (body as ErrorBody | undefined)?.error;
  return new ApiError(error?.message ?? `The server answered ${status}`, status, error?.code, error?.field);
}
