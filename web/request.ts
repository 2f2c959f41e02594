// JSON requests to the page's own endpoints; a failed one throws its {error: {code, message, field}}.
export interface ApiError { status: number; code: string; message: string; field: string | null }

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = (data as { error?: Partial<ApiError> }).error ?? {};
    throw { status: response.status, code: error.code ?? 'error', message: error.message ?? `Error ${response.status}`, field: error.field ?? null } satisfies ApiError;
  }
  return data as T;
}
