/**
 * Domain errors: services throw these and know nothing of HTTP. One table below maps each stable code to
 * an HTTP status and the Vietnamese title a user reads (RFC 9457 problem+json, see error-handler.ts).
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, title: 'Dữ liệu gửi lên không hợp lệ' },
  BAD_REQUEST: { status: 400, title: 'Yêu cầu không hợp lệ' },
  UNAUTHENTICATED: { status: 401, title: 'Chưa đăng nhập hoặc phiên làm việc đã hết hạn' },
  INVALID_CREDENTIALS: { status: 401, title: 'Tên đăng nhập hoặc mật khẩu không đúng' },
  WRONG_PASSWORD: { status: 400, title: 'Mật khẩu hiện tại không đúng' },
  WEAK_PASSWORD: { status: 400, title: 'Mật khẩu mới chưa đủ mạnh' },
  FORBIDDEN: { status: 403, title: 'Bạn không có quyền thực hiện thao tác này' },
  CSRF_INVALID: { status: 403, title: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF)' },
  NOT_FOUND: { status: 404, title: 'Không tìm thấy' },
  CONFLICT: { status: 409, title: 'Dữ liệu bị trùng hoặc xung đột' },
  USERNAME_TAKEN: { status: 409, title: 'Tên đăng nhập đã được sử dụng' },
  IDENTIFIER_CODE_TAKEN: { status: 409, title: 'Mã định danh đã được dùng cho cơ quan khác' },
  HAS_HISTORY: { status: 409, title: 'Không thể xóa vì đã có dữ liệu lịch sử; hãy ngừng kích hoạt' },
  DUPLICATE_DOCUMENT: { status: 409, title: 'Văn bản này có thể đã được đăng ký' },
  INVALID_STATE: { status: 409, title: 'Trạng thái hiện tại không cho phép thao tác này' },
  DOCUMENT_WITHDRAWN: { status: 410, title: 'Văn bản đã bị cơ quan gửi thu hồi' },
  ACCOUNT_LOCKED: { status: 423, title: 'Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần' },
  ACCOUNT_DISABLED: { status: 403, title: 'Tài khoản đã ngừng hoạt động' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Dữ liệu gửi lên quá lớn' },
  FILE_TOO_LARGE: { status: 413, title: 'Tệp vượt quá dung lượng cho phép' },
  FILE_EMPTY: { status: 400, title: 'Tệp rỗng' },
  FILE_MISSING: { status: 400, title: 'Chưa chọn tệp để tải lên' },
  FILE_TYPE_NOT_ALLOWED: { status: 415, title: 'Loại tệp không được chấp nhận' },
  FILE_TYPE_MISMATCH: { status: 415, title: 'Nội dung tệp không khớp với phần mở rộng của tên tệp' },
  FILE_CORRUPTED: { status: 500, title: 'Tệp lưu trữ đã bị thay đổi hoặc hỏng; đã ghi nhận để kiểm tra' },
  CONVERSION_UNAVAILABLE: { status: 501, title: 'Máy chủ chưa cài LibreOffice để xem trước tệp DOCX; hãy tải tệp về' },
  CONVERSION_FAILED: { status: 422, title: 'Không chuyển được tệp DOCX sang PDF; hãy tải tệp về' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Định dạng dữ liệu không được hỗ trợ' },
  RATE_LIMITED: { status: 429, title: 'Quá nhiều yêu cầu, vui lòng thử lại sau' },
  INTERNAL: { status: 500, title: 'Lỗi hệ thống, vui lòng thử lại sau' },
  UNAVAILABLE: { status: 503, title: 'Hệ thống tạm thời không sẵn sàng' },
  REMOTE_SIGNING_FAILED: { status: 502, title: 'Dịch vụ ký số từ xa không phản hồi hoặc từ chối yêu cầu' },
  DOSSIER_FORM_UNAVAILABLE: { status: 409, title: 'Hồ sơ chưa phát sinh biểu mẫu này' },
  DOSSIER_CODE_UNAVAILABLE: { status: 409, title: 'Đơn vị tiếp nhận chưa có mã định danh để cấp mã số hồ sơ' },
  DOSSIER_INCOMPLETE: { status: 400, title: 'Hồ sơ chưa đủ thành phần bắt buộc' },
  OVERPAYMENT: { status: 409, title: 'Số tiền vượt quá số phí, lệ phí còn phải nộp của hồ sơ' },
  NOTHING_TO_PAY: { status: 409, title: 'Hồ sơ không còn khoản phí, lệ phí nào phải nộp' },
  PAYMENT_SIGNATURE_INVALID: { status: 400, title: 'Chữ ký của bên thanh toán không hợp lệ' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldIssue {
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  readonly errors: FieldIssue[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: { errors?: FieldIssue[]; extra?: Record<string, unknown> } = {},
  ) {
    super(detail ?? ERROR_CODES[code].title);
    this.name = 'DomainError';
    this.code = code;
    this.detail = detail;
    this.errors = options.errors;
    this.extra = options.extra;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

export const notFound = (what: string): DomainError => new DomainError('NOT_FOUND', `Không tìm thấy ${what}`);
export const forbidden = (detail?: string): DomainError => new DomainError('FORBIDDEN', detail);
