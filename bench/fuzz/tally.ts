/** One answer Synapse should never give: a 5xx, INTERNAL_SERVER_ERROR, HTML or a body that is not JSON. */
export interface Finding {
  target: string;
  principal: string;
  status: number;
  reason: string;
  request: string;
  answer: string;
}

/** Counts answers by status and code, and keeps up to five findings per operation. */
export class Tally {
  requests = 0;
  status5xx = 0;
  internal = 0;
  html = 0;
  notJson = 0;
  byCode: Record<string, number> = {};
  byStatus: Record<string, number> = {};
  findings: Finding[] = [];

  /** An answer that is fine whatever its format (an export's CSV, a sign-in page): counted, not checked. */
  async count(response: Response): Promise<void> {
    this.requests++;
    this.byStatus[response.status] = (this.byStatus[response.status] ?? 0) + 1;
    await response.body?.cancel();
  }

  async record(target: string, principal: string, request: string, response: Response): Promise<void> {
    this.requests++;
    this.byStatus[response.status] = (this.byStatus[response.status] ?? 0) + 1;
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const problems: string[] = [];
    if (response.status >= 500) {
      this.status5xx++;
      problems.push(`HTTP ${response.status}`);
    }
    if (/html/.test(type) || /^\s*<(!doctype|html)/i.test(text)) {
      this.html++;
      problems.push('HTML');
    }
    let body: { errors?: { extensions?: { code?: string } }[] } | null = null;
    try {
      body = JSON.parse(text);
    } catch {
      if (!/atom|csv/.test(type)) {
        this.notJson++;
        problems.push('not JSON');
      }
    }
    for (const error of body?.errors ?? []) {
      const code = error.extensions?.code ?? 'none';
      this.byCode[code] = (this.byCode[code] ?? 0) + 1;
      if (code === 'INTERNAL_SERVER_ERROR') {
        this.internal++;
        problems.push('INTERNAL_SERVER_ERROR');
      }
    }
    if (problems.length && this.findings.filter((f) => f.target === target).length < 5) {
      this.findings.push({ target, principal, status: response.status, reason: problems.join(', '), request: request.slice(0, 600), answer: text.slice(0, 600) });
    }
  }

  failed(target: string, principal: string, error: unknown, request = ''): void {
    this.findings.push({ target, principal, status: 0, reason: `request failed: ${(error as Error).message}`, request: request.slice(0, 600), answer: '' });
  }
}
