import type { ServiceIndexConfigInput } from './config.js';

/**
 * The service index of Decision 766/QĐ-TTg as the national portal (dichvucong.gov.vn) scores it from July 2025:
 * the 6 groups the portal shows (the decision's "Cung cấp dịch vụ trực tuyến" 22 split into online services 12
 * and online payment 10) and the per-indicator ceilings captured from the portal (domain file §4.2, source
 * S-766P). The decision text itself confirms only 1.2 = 4, 2.1 = 20 and 5.4 = 6; the rest may move when the
 * portal adjusts them — then add a version (SERVICE_INDEX_CONFIG_FILE) instead of editing this one.
 *
 * Grade cut-offs are OUR ASSUMPTION: the labels Tốt / Khá / Trung bình / Yếu kém are seen on the portal but
 * their thresholds are not published (domain file §9). 90 / 70 / 50 keep the seed article's 82,08 points
 * "khá"; override them per deployment in the file.
 */
export const SERVICE_INDEX_2025_07: ServiceIndexConfigInput = {
  version: '2025-07',
  validFrom: '2025-07-01',
  note: 'Điểm tối đa từng chỉ tiêu theo Cổng Dịch vụ công quốc gia (6 nhóm); ngưỡng xếp loại là giả định, có thể cấu hình.',
  groups: [
    { code: 'transparency', name: 'Công khai, minh bạch', max: 18 },
    { code: 'progress', name: 'Tiến độ, kết quả giải quyết', max: 20 },
    { code: 'online', name: 'Cung cấp dịch vụ trực tuyến', max: 12 },
    { code: 'payment', name: 'Thanh toán trực tuyến', max: 10 },
    { code: 'digitization', name: 'Số hóa hồ sơ', max: 22 },
    { code: 'satisfaction', name: 'Mức độ hài lòng', max: 18 },
  ],
  indicators: [
    { code: '1.1', group: 'transparency', name: 'Thủ tục hành chính được công bố đúng hạn', max: 6, threshold: null, scored: true },
    { code: '1.2', group: 'transparency', name: 'Thủ tục hành chính được cập nhật, công khai đúng hạn', max: 4, threshold: null, scored: true },
    { code: '1.3', group: 'transparency', name: 'Thủ tục hành chính được công khai đầy đủ các bộ phận cấu thành', max: 2, threshold: null, scored: true },
    { code: '1.4', group: 'transparency', name: 'Hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia', max: 6, threshold: null, scored: true },
    { code: '2.1', group: 'progress', name: 'Hồ sơ được xử lý trước hạn, đúng hạn', max: 20, threshold: null, scored: true },
    // tracking only: an average duration, not a rate (measure 'average')
    { code: '2.2', group: 'progress', name: 'Thời gian giải quyết trung bình (ngày làm việc)', max: 0, threshold: null, scored: false, measure: 'average' },
    // 3.1–3.3 are shown by the portal but the 12 points of the group go to the full-online item (3.4)
    { code: '3.1', group: 'online', name: 'Thủ tục hành chính cung cấp dịch vụ công trực tuyến', max: 0, threshold: 0.8, scored: false },
    { code: '3.2', group: 'online', name: 'Dịch vụ công trực tuyến có phát sinh hồ sơ', max: 0, threshold: null, scored: false },
    { code: '3.3', group: 'online', name: 'Hồ sơ nộp trực tuyến', max: 0, threshold: 0.5, scored: false },
    { code: '3.4', group: 'online', name: 'Hồ sơ trực tuyến toàn trình trên hồ sơ của thủ tục đủ điều kiện toàn trình', max: 12, threshold: null, scored: true },
    { code: '3.5', group: 'payment', name: 'Thủ tục hành chính có nghĩa vụ tài chính được tích hợp thanh toán trực tuyến', max: 2, threshold: 0.8, scored: true },
    { code: '3.5b', group: 'payment', name: 'Thủ tục hành chính có phát sinh giao dịch thanh toán trực tuyến', max: 2, threshold: 0.8, scored: true },
    { code: '3.6', group: 'payment', name: 'Hồ sơ được thanh toán trực tuyến', max: 6, threshold: null, scored: true },
    { code: '4.1', group: 'digitization', name: 'Hồ sơ được cấp kết quả giải quyết điện tử', max: 6, threshold: null, scored: true },
    { code: '4.2', group: 'digitization', name: 'Hồ sơ được số hóa', max: 4, threshold: 0.8, scored: true },
    { code: '4.3', group: 'digitization', name: 'Khai thác, sử dụng lại thông tin, dữ liệu số hóa', max: 2, threshold: 0.8, scored: true },
    { code: '4.4', group: 'digitization', name: 'Hồ sơ kết nối kho dữ liệu điện tử của tổ chức, cá nhân trên Cổng Dịch vụ công quốc gia', max: 4, threshold: null, scored: true },
    { code: '4.5a', group: 'digitization', name: 'Thủ tục hành chính có kết nối, khai thác dữ liệu dân cư', max: 2, threshold: null, scored: true },
    { code: '4.5b', group: 'digitization', name: 'Hồ sơ sử dụng dữ liệu từ Cơ sở dữ liệu quốc gia về dân cư', max: 2, threshold: null, scored: true },
    // the domain table's "4.x": its place in the portal's numbering is not known, 4.6 keeps the codes unique
    { code: '4.6', group: 'digitization', name: 'Chứng thực bản sao điện tử từ bản chính', max: 2, threshold: null, scored: true },
    { code: '5.1', group: 'satisfaction', name: 'Phản ánh, kiến nghị về quy định, thủ tục hành chính', max: 0, threshold: null, scored: false },
    { code: '5.2', group: 'satisfaction', name: 'Phản ánh, kiến nghị được xử lý đúng hạn', max: 6, threshold: null, scored: true },
    { code: '5.3', group: 'satisfaction', name: 'Mức độ hài lòng về xử lý phản ánh, kiến nghị', max: 6, threshold: null, scored: true },
    // 100% − (overdue rate + complaint/dislike rate): measure 'complement', inputs { den, overdue, withComplaint }
    { code: '5.4', group: 'satisfaction', name: 'Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính', max: 6, threshold: 0.9, scored: true, measure: 'complement' },
  ],
  grades: [
    { label: 'Tốt', min: 90 },
    { label: 'Khá', min: 70 },
    { label: 'Trung bình', min: 50 },
    { label: 'Yếu kém', min: 0 },
  ],
};
