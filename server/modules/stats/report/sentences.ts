import type { PeriodicReportFigures } from './figures.js';
import { NO_DATA, rateOf, vnCount, vnDecimal, vnPercent, vnPoints, vnTimestamp } from './format.js';
import { officeShortName } from './layout.js';

/**
 * The paragraphs of the report, written out as the office writes them (the seed article: "Trong kỳ, Văn phòng
 * đã tiếp nhận 12.996 văn bản đến…"). Each says only what its figures support; a missing figure reads
 * "chưa có số liệu", a zero is said in words.
 */

const sentence = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);
const pctOr = (rate: number | null | undefined) => vnPercent(rate) ?? NO_DATA;

export function introParagraphs(f: PeriodicReportFigures): { text: string; italic?: boolean }[] {
  const days = f.workingDays > 0 ? `; kỳ báo cáo có ${vnCount(f.workingDays)} ngày làm việc` : '';
  return [
    { text: `${f.officeName.trim()} báo cáo ${f.kind === 'tong-ket' ? 'tổng kết' : 'sơ kết'} kết quả công tác ${f.period.label.trim()} như sau:` },
    { text: `(Số liệu tổng hợp từ hệ thống Văn phòng số lúc ${vnTimestamp(f.generatedAt)}${days}.)`, italic: true },
  ];
}

export function documentParagraphs(f: PeriodicReportFigures): string[] {
  const { incoming, outgoing, electronicRate, signedRate } = f.documents;
  const office = officeShortName(f);
  if (incoming === 0 && outgoing === 0) return ['Trong kỳ, hệ thống chưa ghi nhận văn bản đến, văn bản đi nào.'];
  const electronic = vnPercent(electronicRate);
  const signed = vnPercent(signedRate);
  let rates: string;
  if (electronic && electronic === signed) rates = `${electronic} văn bản được xử lý trên môi trường điện tử và ký số`;
  else {
    rates = [
      electronic ? `${electronic} văn bản được xử lý trên môi trường điện tử` : `tỷ lệ văn bản được xử lý trên môi trường điện tử ${NO_DATA}`,
      signed ? `${signed} văn bản đi được ký số` : `tỷ lệ văn bản đi được ký số ${NO_DATA}`,
    ].join(', ');
  }
  return [`Trong kỳ, ${office} đã tiếp nhận ${vnCount(incoming)} văn bản đến, phát hành ${vnCount(outgoing)} văn bản đi; ${rates}.`];
}

export function meetingParagraphs(f: PeriodicReportFigures): string[] {
  const m = f.meetings;
  const office = officeShortName(f);
  const out: string[] = [];
  const perDay = vnDecimal(m.perWorkingDay, 2);
  const delegations = m.delegations > 0 ? `${vnCount(m.delegations)} đoàn công tác đến làm việc tại tỉnh` : null;
  if (m.total > 0) {
    const average = perDay ? ` (bình quân ${perDay} cuộc/ngày làm việc)` : '';
    out.push(`${office} đã tham mưu, phục vụ ${vnCount(m.total)} cuộc họp, hội nghị${average}${delegations ? ` và ${delegations}` : ''}.`);
  } else {
    out.push(`Trong kỳ, hệ thống chưa ghi nhận cuộc họp, hội nghị nào${delegations ? `; ${office} đã phục vụ ${delegations}` : ''}.`);
  }
  const kinds = m.byKind.filter((k) => k.count > 0);
  if (kinds.length > 0) out.push(`Theo loại cuộc họp: ${kinds.map((k) => `${k.label.trim()} ${vnCount(k.count)}`).join('; ')}.`);
  if (m.online > 0) {
    const sites = m.connectedSites > 0 ? ` kết nối với ${vnCount(m.connectedSites)} xã, phường, đặc khu` : '';
    out.push(`Tổ chức ${vnCount(m.online)} cuộc họp trực tuyến${sites}.`);
  } else if (m.total > 0) out.push('Trong kỳ chưa tổ chức cuộc họp trực tuyến.');
  return [out.join(' ')];
}

/** % on time as the task scoreboard counts it: done on time ÷ (done on time + done late + overdue). */
export function taskOnTimeRate(f: PeriodicReportFigures): number | null {
  const t = f.tasks;
  return rateOf(t.doneOnTime, t.doneOnTime + t.doneLate + t.overdue);
}

export function taskParagraphs(f: PeriodicReportFigures): string[] {
  const t = f.tasks;
  if (t.assigned === 0) return ['Trong kỳ, hệ thống chưa ghi nhận nhiệm vụ được giao.'];
  const done = t.doneOnTime + t.doneLate;
  const parts = [
    `đã hoàn thành ${vnCount(done)} nhiệm vụ (${vnCount(t.doneOnTime)} đúng hạn, ${vnCount(t.doneLate)} trễ hạn)`,
    `${vnCount(t.inProgress)} nhiệm vụ đang thực hiện`,
    t.overdue > 0 ? `${vnCount(t.overdue)} nhiệm vụ quá hạn chưa hoàn thành` : 'không có nhiệm vụ quá hạn chưa hoàn thành',
  ];
  const rate = vnPercent(taskOnTimeRate(f));
  const rateText = rate ? ` Tỷ lệ hoàn thành đúng hạn đạt ${rate}.` : ` Tỷ lệ hoàn thành đúng hạn: ${NO_DATA}.`;
  return [`Trong kỳ, ${officeShortName(f)} đã theo dõi, đôn đốc ${vnCount(t.assigned)} nhiệm vụ được giao; ${parts.join(', ')}.${rateText}`];
}

export function procedureParagraphs(f: PeriodicReportFigures): string[] {
  const p = f.procedures;
  const d = f.dossiers;
  const out: string[] = [];
  if (p.published > 0) {
    const levels = [p.provinceLevel > 0 ? `cấp tỉnh ${vnCount(p.provinceLevel)}` : null, p.communeLevel > 0 ? `cấp xã ${vnCount(p.communeLevel)}` : null].filter(Boolean);
    out.push(`Công bố ${vnCount(p.published)} thủ tục hành chính${levels.length ? ` (${levels.join(', ')})` : ''}.`);
  } else out.push('Chưa có thủ tục hành chính được công bố trên hệ thống.');
  if (d.received === 0) {
    out.push('Trong kỳ, hệ thống chưa tiếp nhận hồ sơ thủ tục hành chính.');
    if (d.overdueOpen > 0) out.push(`Còn ${vnCount(d.overdueOpen)} hồ sơ quá hạn chưa giải quyết.`);
    return [out.join(' ')];
  }
  const share = vnPercent(rateOf(d.online, d.received));
  const online = d.online > 0 ? `, trong đó ${vnCount(d.online)} hồ sơ trực tuyến${share ? ` (chiếm ${share})` : ''}` : ', chưa có hồ sơ trực tuyến';
  const onTime = vnPercent(d.onTimeRate);
  const rate = onTime ? `tỷ lệ giải quyết trước hạn, đúng hạn đạt ${onTime}` : `tỷ lệ giải quyết đúng hạn ${NO_DATA}`;
  const open = d.overdueOpen > 0 ? `còn ${vnCount(d.overdueOpen)} hồ sơ quá hạn chưa giải quyết` : 'không có hồ sơ quá hạn chưa giải quyết';
  out.push(`Tiếp nhận ${vnCount(d.received)} hồ sơ${online}; đã giải quyết ${vnCount(d.resolved)} hồ sơ, ${rate}; ${open}.`);
  return [out.join(' ')];
}

export function indexParagraphs(f: PeriodicReportFigures, chartRef: string | null): string[] {
  const s = f.serviceIndex;
  const name = 'Chỉ số phục vụ người dân, doanh nghiệp';
  const total = vnPoints(s?.total);
  if (!s || !total) return [`${name} (Quyết định số 766/QĐ-TTg) trong kỳ ${NO_DATA}.`];
  const grade = s.grade?.trim() ? ` (xếp loại ${s.grade.trim()})` : '';
  const rank = s.rank != null && s.rank > 0 ? `, xếp thứ ${vnCount(s.rank)}${s.rankOf ? `/${vnCount(s.rankOf)} tỉnh, thành phố` : ''}` : '';
  const out = [`${name} đạt ${total} điểm${grade}${rank}.`];
  if (s.groups.length > 0) {
    const groups = s.groups.map((g) => `${g.name.trim()} ${vnPoints(g.points) ?? NO_DATA}/${vnCount(g.max)} điểm`);
    out.push(`Điểm theo nhóm chỉ tiêu: ${groups.join('; ')}${chartRef ? ` (${chartRef})` : ''}.`);
  }
  return [out.join(' ')];
}

/** Index groups ordered by the points they still miss, most first: where the score can rise most. */
export function weakestGroups(f: PeriodicReportFigures, limit = 3) {
  return (f.serviceIndex?.groups ?? [])
    .filter((g) => g.points != null && Number.isFinite(g.points) && g.max > 0 && g.points < g.max)
    .map((g) => ({ ...g, missing: g.max - (g.points as number) }))
    .sort((a, b) => b.missing - a.missing || a.name.localeCompare(b.name, 'vi'))
    .slice(0, limit);
}

/** Section II: shortcomings, each one a figure shows; nothing invented when the figures show none. */
export function shortcomingParagraphs(f: PeriodicReportFigures): string[] {
  const out: string[] = [];
  const { electronicRate, signedRate } = f.documents;
  if (electronicRate != null && electronicRate < 1) out.push(`Còn ${pctOr(1 - electronicRate)} văn bản chưa được xử lý trên môi trường điện tử.`);
  if (signedRate != null && signedRate < 1) out.push(`Còn ${pctOr(1 - signedRate)} văn bản đi chưa được ký số.`);
  const t = f.tasks;
  if (t.overdue > 0) {
    const most = f.agencies.filter((a) => a.tasksOverdue > 0).sort((a, b) => b.tasksOverdue - a.tasksOverdue || a.name.localeCompare(b.name, 'vi')).slice(0, 3);
    const where = most.length ? `, nhiều nhất tại: ${most.map((a) => `${a.name.trim()} (${vnCount(a.tasksOverdue)})`).join(', ')}` : '';
    out.push(`Còn ${vnCount(t.overdue)} nhiệm vụ quá hạn chưa hoàn thành${where}.`);
  }
  if (t.doneLate > 0) out.push(`Có ${vnCount(t.doneLate)} nhiệm vụ hoàn thành nhưng trễ hạn so với thời hạn được giao.`);
  const d = f.dossiers;
  if (d.overdueOpen > 0) out.push(`Còn ${vnCount(d.overdueOpen)} hồ sơ thủ tục hành chính quá hạn chưa giải quyết.`);
  if (d.onTimeRate != null && d.onTimeRate < 1) {
    const lowest = f.agencies
      .filter((a) => a.dossiersReceived > 0 && a.dossiersOnTimeRate != null && a.dossiersOnTimeRate < 1)
      .sort((a, b) => (a.dossiersOnTimeRate as number) - (b.dossiersOnTimeRate as number) || a.name.localeCompare(b.name, 'vi'))
      .slice(0, 3);
    const where = lowest.length ? `; thấp nhất tại: ${lowest.map((a) => `${a.name.trim()} (${pctOr(a.dossiersOnTimeRate)})`).join(', ')}` : '';
    out.push(`Tỷ lệ hồ sơ giải quyết đúng hạn đạt ${pctOr(d.onTimeRate)}, chưa đạt 100%${where}.`);
  }
  const weak = weakestGroups(f);
  if (weak.length > 0) {
    const list = weak.map((g) => `${g.name.trim()} (đạt ${vnPoints(g.points)}/${vnCount(g.max)} điểm, còn thiếu ${vnPoints(g.missing)} điểm)`);
    out.push(`Các nhóm chỉ tiêu của Chỉ số phục vụ người dân, doanh nghiệp còn thiếu nhiều điểm nhất: ${list.join('; ')}.`);
  }
  if (out.length === 0) return ['Qua số liệu theo dõi trên hệ thống, trong kỳ chưa ghi nhận tồn tại, hạn chế đối với các chỉ tiêu nêu tại Mục I.'];
  return out.map((s) => `- ${sentence(s)}`);
}

/** Section III: short and generic, pointed at what section II found. */
export function directionParagraphs(f: PeriodicReportFigures): string[] {
  const t = f.tasks;
  const d = f.dossiers;
  const weak = weakestGroups(f).map((g) => g.name.trim());
  return [
    '- Tiếp tục nâng cao chất lượng tham mưu; xử lý văn bản trên môi trường điện tử và ký số, bảo đảm văn bản được đăng ký, chuyển giao đúng thời hạn theo Nghị định số 30/2020/NĐ-CP.',
    `- Theo dõi, đôn đốc các cơ quan, đơn vị thực hiện nhiệm vụ được giao${t.overdue > 0 ? `, tập trung xử lý dứt điểm ${vnCount(t.overdue)} nhiệm vụ quá hạn` : ''}.`,
    `- Đẩy mạnh giải quyết thủ tục hành chính trực tuyến, số hóa hồ sơ${d.overdueOpen > 0 ? `; giải quyết dứt điểm ${vnCount(d.overdueOpen)} hồ sơ quá hạn` : ''}${weak.length ? `; cải thiện các nhóm chỉ tiêu ${weak.join(', ')} của Chỉ số phục vụ người dân, doanh nghiệp` : ''}.`,
    '- Phục vụ tốt các cuộc họp, hội nghị, nhất là các cuộc họp trực tuyến với các xã, phường, đặc khu.',
  ];
}
