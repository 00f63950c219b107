/**
 * Untrusted XML → a small namespace-resolved element tree, safely.
 *
 * fast-xml-parser is fast and has no external-entity support, but it is not namespace-aware and it is
 * lenient (it accepts unclosed and mismatched tags, several roots, unknown entities). So we:
 * 1. bound the size and refuse anything with a DTD or an entity declaration before parsing;
 * 2. run its validator for well-formedness;
 * 3. parse with entity processing off and decode the five predefined entities and character references
 *    ourselves, refusing any other entity;
 * 4. resolve prefixes ourselves, keeping only elements in one namespace (or in none).
 * Base64 payloads are cut out before validating and parsing (found with `indexOf`) and put back as raw
 * text: character by character the validator and parser need ~100 ns per byte, ~300 ms for a 2 MB
 * attachment, for text that the Base64 check reads anyway.
 */
import { isUtf8 } from 'node:buffer';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { EdxmlError } from './errors.js';

export interface XmlElement {
  /** Namespace URI, or null when the element is in no namespace. */
  ns: string | null;
  local: string;
  children: XmlElement[];
  /** Direct text content, entities decoded (raw for `rawTextElements`). Not trimmed. */
  text: string;
}

export interface XmlTreeOptions {
  maxBytes: number;
  maxDepth: number;
  /** Characters outside the raw-text elements. */
  maxMarkupChars: number;
  /** Keep elements of this namespace (and of none); drop the others with their subtrees. */
  namespace: string;
  /** Local names whose content is kept raw and unparsed (Base64 payloads): no child elements. */
  rawTextElements: string[];
}

type OrderedNode = Record<string, unknown>;
type Scope = ReadonlyMap<string, string | null>;

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
// Any `&`: a well-formed reference is decoded, anything else is refused.
const REFERENCE = /&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z_][\w.-]*)?(;)?/g;
const XML_PREFIX_NS = 'http://www.w3.org/XML/1998/namespace';

const malformed = (detail: string, cause?: unknown): EdxmlError =>
  new EdxmlError('EDXML_MALFORMED', `Thông điệp không phải XML hợp lệ: ${detail}`, cause === undefined ? undefined : { cause });

// The validator's error codes in the clerk's language (its messages are English).
const VALIDATOR_ERRORS: Record<string, string> = {
  InvalidTag: 'thẻ sai hoặc không được đóng',
  InvalidAttr: 'thuộc tính sai',
  InvalidChar: 'ký tự không được phép',
  InvalidXml: 'cấu trúc XML sai',
};

/** Decodes bytes as UTF-8 (the only encoding we read) within the size bound. */
export function decodeXmlInput(input: string | Uint8Array, maxBytes: number): string {
  const tooLarge = () => new EdxmlError('EDXML_TOO_LARGE', `Thông điệp vượt quá ${Math.floor(maxBytes / 1_048_576)} MB`);
  if (typeof input === 'string') {
    if (input.length > maxBytes || Buffer.byteLength(input, 'utf8') > maxBytes) throw tooLarge();
    return input.startsWith('\uFEFF') ? input.slice(1) : input;
  }
  if (input.length > maxBytes) throw tooLarge();
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(Buffer.from(input.subarray(0, 200)).toString('latin1'));
  if (declared && !/^utf-?8$/i.test(declared[1]!)) {
    throw new EdxmlError('EDXML_NOT_UTF8', `Chỉ nhận thông điệp mã hóa UTF-8 (thông điệp khai báo ${declared[1]})`);
  }
  if (!isUtf8(input)) throw new EdxmlError('EDXML_NOT_UTF8', 'Thông điệp không phải văn bản UTF-8 hợp lệ');
  const text = Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Text as an XML processor delivers it: line endings normalised, references decoded. */
function decodeText(raw: string): string {
  if (!raw.includes('&')) return raw.replace(/\r\n?/g, '\n');
  return raw.replace(/\r\n?/g, '\n').replace(REFERENCE, (match, ref: string | undefined, end: string | undefined) => {
    if (ref === undefined || end === undefined) throw malformed(`ký tự & đứng riêng ("${match}")`);
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!isXmlChar(code)) throw malformed(`tham chiếu ký tự &${ref}; không hợp lệ`);
      return String.fromCodePoint(code);
    }
    const value = PREDEFINED[ref];
    if (value === undefined) throw malformed(`thực thể &${ref}; không được phép`);
    return value;
  });
}

function qualifiedName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@');
}

function resolve(scope: Scope, qname: string): { ns: string | null; local: string } {
  const parts = qname.split(':');
  if (parts.length > 2 || parts.some((part) => part === '')) throw malformed(`tên "${qname}" không hợp lệ`);
  if (parts.length === 1) return { ns: scope.get('') ?? null, local: qname };
  const ns = scope.get(parts[0]!);
  if (ns === undefined || ns === null) throw malformed(`tiền tố "${parts[0]}" chưa được khai báo`);
  return { ns, local: parts[1]! };
}

function withDeclarations(scope: Scope, attributes: unknown): Scope {
  if (!attributes || typeof attributes !== 'object') return scope;
  let next: Map<string, string | null> | undefined;
  for (const [name, value] of Object.entries(attributes as Record<string, unknown>)) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    next ??= new Map(scope);
    const uri = decodeText(String(value)).trim();
    if (name === 'xmlns') next.set('', uri === '' ? null : uri);
    else if (uri === '') throw malformed(`không được hủy khai báo tiền tố ${name}`);
    else next.set(name.slice('xmlns:'.length), uri);
  }
  return next ?? scope;
}

function convert(node: OrderedNode, scope: Scope, options: XmlTreeOptions, raw: string[], depth: number): XmlElement | null {
  if (depth > options.maxDepth) {
    throw new EdxmlError('EDXML_TOO_DEEP', `Thông điệp lồng nhau quá ${options.maxDepth} mức`);
  }
  const qname = qualifiedName(node)!;
  const inner = withDeclarations(scope, node[':@']);
  const { ns, local } = resolve(inner, qname);
  if (ns !== null && ns !== options.namespace) return null;
  const element: XmlElement = { ns, local, children: [], text: '' };
  for (const child of (node[qname] as OrderedNode[] | undefined) ?? []) {
    if ('#text' in child) element.text += decodeText(String(child['#text']));
    else if ('#cdata' in child) {
      for (const part of child['#cdata'] as OrderedNode[]) element.text += String(part['#text'] ?? '');
    } else {
      const converted = convert(child, inner, options, raw, depth + 1);
      if (converted) element.children.push(converted);
    }
  }
  if (options.rawTextElements.includes(local) && element.text.startsWith(RAW_MARK)) {
    element.text = raw[Number(element.text.slice(RAW_MARK.length))] ?? '';
  }
  return element;
}

const RAW_MARK = 'raw#';
const ATTRIBUTES = `(?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*\\s*`;

/**
 * Replaces the content of each raw-text element with a marker (`raw#<index>`) and returns the contents.
 * A mistake here (a tag inside a comment, say) can only break well-formedness, which is checked after.
 */
function cutRawContent(text: string, names: string[]): { text: string; raw: string[] } {
  const opening = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?(?:${names.join('|')}))${ATTRIBUTES}(/?)>`, 'g');
  const raw: string[] = [];
  let out = '';
  let from = 0;
  for (let match = opening.exec(text); match; match = opening.exec(text)) {
    if (match[2] === '/') continue;
    const contentStart = match.index + match[0].length;
    const closing = new RegExp(`</${match[1]!.replaceAll('.', '\\.')}\\s*>`, 'g');
    closing.lastIndex = contentStart;
    const end = closing.exec(text);
    if (!end) throw malformed(`thẻ ${match[1]} không được đóng`);
    out += `${text.slice(from, contentStart)}${RAW_MARK}${raw.length}`;
    raw.push(text.slice(contentStart, end.index));
    from = end.index;
    opening.lastIndex = end.index;
  }
  return { text: out + text.slice(from), raw };
}

/** Parses untrusted XML text into the root element. Throws EdxmlError, never anything else. */
export function readXmlTree(text: string, options: XmlTreeOptions): XmlElement {
  // A DTD is the door to external entities (XXE) and entity expansion (billion laughs); edXML never
  // needs one, so we refuse it outright instead of trusting a parser setting. Also inside comments or
  // CDATA: cheaper to refuse than to be clever.
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new EdxmlError('EDXML_DTD_FORBIDDEN', 'Thông điệp chứa khai báo DTD hoặc thực thể (DOCTYPE/ENTITY), không được chấp nhận');
  }
  const { text: markup, raw } = cutRawContent(text, options.rawTextElements);
  // The parser builds an object per node: bound the markup apart from the payloads, so a flood of tiny
  // elements cannot cost seconds and gigabytes.
  if (markup.length > options.maxMarkupChars) {
    throw new EdxmlError('EDXML_TOO_LARGE', `Phần tiêu đề của thông điệp (ngoài tệp đính kèm) vượt quá ${options.maxMarkupChars} ký tự`);
  }
  const valid = XMLValidator.validate(markup, { allowBooleanAttributes: false });
  if (valid !== true) throw malformed(`${VALIDATOR_ERRORS[valid.err.code] ?? 'cấu trúc XML sai'} (dòng ${valid.err.line}, cột ${valid.err.col})`);

  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    allowBooleanAttributes: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    cdataPropName: '#cdata',
    commentPropName: false,
    maxNestedTags: options.maxDepth + 1,
  });
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(markup) as OrderedNode[];
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    if (/nest/i.test(detail)) throw new EdxmlError('EDXML_TOO_DEEP', `Thông điệp lồng nhau quá ${options.maxDepth} mức`, { cause });
    throw malformed('cấu trúc XML sai', cause);
  }
  const elements = nodes.filter((node) => qualifiedName(node) && !('#text' in node) && !('#cdata' in node));
  if (elements.length !== 1) throw malformed('phải có đúng một phần tử gốc');
  const scope: Scope = new Map([['xml', XML_PREFIX_NS]]);
  const root = convert(elements[0]!, scope, options, raw, 1);
  if (!root) throw new EdxmlError('EDXML_NOT_EDXML', 'Thông điệp không thuộc không gian tên edXML (QCVN 102:2016)');
  return root;
}
