import type PDFDocument from 'pdfkit';
import { type ExperimentSummary, longDate } from './experiment-summary.service.js';
import { clip, pdfParagraphs, pdfText } from './pdf-text.js';

// One A4 page, whatever the content: every block is written into the space left above the footer (pdfkit stops
// at a given height instead of starting a new page), long lists are cut with a count of what is left out, and the
// footer (licence, link, date) is always there. Standard fonts only: nothing is loaded at run time.

const MARGIN = 50;
const FOOTER_HEIGHT = 78;
const BLACK = '#0b0c0c';
const GREY = '#505a5f';
const LINK = '#1d70b8';

type Doc = InstanceType<typeof PDFDocument>;

const isWebLink = (url: string) => /^https?:\/\/[^\s]+$/i.test(url);

class OnePage {
  private readonly limit: number;
  private readonly width: number;
  /** Set once a block did not fit: later blocks are skipped, so nothing reaches a second page. */
  full = false;

  constructor(readonly doc: Doc) {
    this.width = doc.page.width - 2 * MARGIN;
    this.limit = doc.page.height - MARGIN - FOOTER_HEIGHT;
  }

  /** Writes a block into what is left of the page; false (and nothing written) when not even a line fits. */
  text(text: string, options: { font?: string; size?: number; color?: string; gap?: number; indent?: number; link?: string; maxHeight?: number } = {}): boolean {
    const { doc } = this;
    doc.font(options.font ?? 'Helvetica').fontSize(options.size ?? 10).fillColor(options.color ?? BLACK);
    const left = Math.min(this.remaining(), options.maxHeight ?? Infinity);
    if (this.full || left < doc.currentLineHeight(true) || !text) {
      if (text) this.full = true;
      return false;
    }
    const x = MARGIN + (options.indent ?? 0);
    doc.text(text, x, doc.y, { width: this.width - (options.indent ?? 0), height: left, ellipsis: true, lineGap: 1, ...(options.link ? { link: options.link, underline: true } : {}) });
    doc.y += options.gap ?? 4;
    return true;
  }

  /** Points left above the footer. */
  remaining(): number {
    return this.limit - this.doc.y;
  }

  /** A section heading, only with room for a few lines under it: never alone at the foot of the page. */
  heading(text: string): boolean {
    if (this.remaining() < 60) {
      this.full = true;
      return false;
    }
    this.doc.y += 6;
    return this.text(text, { font: 'Helvetica-Bold', size: 12, gap: 3 });
  }

  /** Label and value rows, the label in bold. */
  rows(rows: { label: string; value: string }[]): void {
    for (const { label, value } of rows) {
      this.doc.font('Helvetica-Bold').fontSize(10);
      if (this.full || this.limit - this.doc.y < this.doc.currentLineHeight(true)) {
        this.full = true;
        return;
      }
      const y = this.doc.y;
      this.doc.fillColor(BLACK).text(`${pdfText(label)}:`, MARGIN, y, { width: 130, height: this.limit - y, ellipsis: true });
      const afterLabel = this.doc.y;
      this.doc.font('Helvetica').text(clip(pdfText(value), 300), MARGIN + 135, y, { width: this.width - 135, height: this.limit - y, ellipsis: true });
      this.doc.y = Math.max(afterLabel, this.doc.y) + 2;
    }
  }

  /** The footer, always at the foot of the page. */
  footer(summary: ExperimentSummary, generatedOn: Date): void {
    const { doc } = this;
    const top = doc.page.height - MARGIN - FOOTER_HEIGHT + 8;
    doc.moveTo(MARGIN, top - 4).lineTo(doc.page.width - MARGIN, top - 4).lineWidth(0.5).strokeColor(GREY).stroke();
    const line = (text: string, y: number, link?: string, lines = 1) =>
      doc.text(text, MARGIN, y, { width: this.width, height: 11 * lines + 2, ellipsis: true, ...(link ? { link, underline: true } : {}) });
    doc.font('Helvetica').fontSize(8.5).fillColor(GREY);
    const licence = summary.licence.url ? `${summary.licence.label} (${summary.licence.url})` : summary.licence.label;
    line(`Licence of this write-up: ${pdfText(licence)}. Each document above carries its own licence.`, top, undefined, 2);
    doc.fillColor(LINK);
    const more = this.full ? ' (with what did not fit on this page)' : '';
    line(`Full write-up${more}: ${summary.url}`, top + 24, isWebLink(summary.url) ? summary.url : undefined);
    doc.fillColor(GREY);
    line(`Generated from Synapse on ${longDate(generatedOn)}. Figures as reported by the team; evidence levels describe strength of evidence, not endorsement.`, top + 37, undefined, 2);
  }
}

function outcomes(page: OnePage, summary: ExperimentSummary): void {
  if (!summary.outcomes.length) return;
  if (!page.heading('What happened')) return;
  let shown = 0;
  // Up to three findings, leaving room below for costs and a couple of documents; the rest are counted.
  const reserve = (summary.costs.length ? 36 + 15 * summary.costs.length : 0) + (summary.artefacts.length ? 90 : 0);
  for (const outcome of summary.outcomes.slice(0, 3)) {
    if (shown > 0 && page.remaining() < 150 + reserve) break;
    if (!page.text(`${pdfText(outcome.verdict)}: ${clip(pdfText(outcome.title), 200)}`, { font: 'Helvetica-Bold', gap: 1, maxHeight: 26 })) break;
    shown++;
    page.text(pdfText(outcome.evidence), { size: 9, color: GREY, gap: 2 });
    for (const figure of outcome.figures.slice(0, 3)) page.text(`• ${clip(pdfText(figure), 240)}`, { size: 9.5, indent: 10, gap: 1, maxHeight: 24 });
    if (outcome.figures.length > 3) page.text(`and ${outcome.figures.length - 3} more measures`, { size: 9, color: GREY, indent: 10, gap: 1 });
    page.doc.y += 3;
  }
  if (summary.outcomes.length > shown) page.text(`and ${summary.outcomes.length - shown} more findings on Synapse`, { size: 9, color: GREY });
}

function artefacts(page: OnePage, summary: ExperimentSummary): void {
  if (!summary.artefacts.length) return;
  if (!page.heading('Documents to reuse')) return;
  let shown = 0;
  for (const artefact of summary.artefacts.slice(0, 5)) {
    // Each needs two lines, and the count of the rest one more.
    if (page.remaining() < 40) break;
    page.text(`${clip(pdfText(artefact.title), 160)} (${pdfText(artefact.kind)}). Licence: ${pdfText(artefact.licence)}`, { size: 9.5, gap: 0, maxHeight: 24 });
    page.text(clip(pdfText(artefact.url), 180), { size: 8.5, color: LINK, gap: 3, maxHeight: 11, link: isWebLink(artefact.url) ? artefact.url : undefined });
    shown++;
  }
  if (summary.artefacts.length > shown) page.text(`and ${summary.artefacts.length - shown} more on Synapse`, { size: 9, color: GREY });
}

/** The one-page summary as a PDF file. pdfkit is loaded on first use: it is about 30 MB of memory (measured). */
export async function renderSummaryPdf(summary: ExperimentSummary, generatedOn = new Date()): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: clip(pdfText(summary.title), 200), Author: pdfText(summary.council), Subject: 'Experiment summary from Synapse', Creator: 'Synapse' },
    lang: 'en-GB',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const page = new OnePage(doc);
  page.text('Synapse: experiment summary', { size: 9, color: GREY, gap: 6 });
  page.text(clip(pdfText(summary.title), 200) || 'Untitled experiment', { font: 'Helvetica-Bold', size: 18, gap: 4, maxHeight: 70 });
  const gss = summary.gssCode ? ` (GSS code ${pdfText(summary.gssCode)})` : '';
  page.text(`Led by ${pdfText(summary.council)}${gss}`, { size: 11, gap: 8 });
  page.rows(summary.facts);
  if (page.heading('Summary')) page.text(clip(pdfParagraphs(summary.summary), 900), { size: 10, maxHeight: 120 });
  outcomes(page, summary);
  if (summary.costs.length && page.heading('Costs')) page.rows(summary.costs);
  artefacts(page, summary);
  page.footer(summary, generatedOn);
  doc.end();
  return done;
}
