### GFCE Hub, tiếng Việt — Errors: the error pages, the API's problem documents, and why a field or parameter was refused.

page-not-found-title = Không tìm thấy trang
page-not-found-body = Không có trang nào ở địa chỉ này. Nếu bạn tự gõ địa chỉ, hãy kiểm tra lại; nếu bạn theo một liên kết, liên kết đó có thể đã cũ.
page-method-not-allowed-title = Không thực hiện được ở đây
page-method-not-allowed-body = Địa chỉ này không nhận loại yêu cầu đó. Hãy quay lại và dùng các liên kết và biểu mẫu trên trang.
page-error-title = Rất tiếc, đã xảy ra lỗi
page-error-body = Dịch vụ không thể trả lời yêu cầu này. Vui lòng thử lại sau.
page-unavailable-title = Dịch vụ tạm thời không khả dụng
page-unavailable-body = Dịch vụ hiện không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau vài phút.
page-busy-title = Hệ thống đang quá tải
page-busy-body = Lúc này có nhiều người đang đăng nhập. Vui lòng chờ vài giây rồi thử lại.
page-bad-request-title = Vui lòng kiểm tra thông tin đã nhập

problem-not-found = Không tìm thấy
problem-not-found-detail = Không có gì tại { $path }.
problem-method-not-allowed = Phương thức không được phép
problem-method-not-allowed-detail = { $path } không nhận phương thức này; tiêu đề Allow liệt kê các phương thức được nhận.
problem-invalid-parameter = Tham số không hợp lệ
problem-invalid-parameter-detail = Tham số “{ $param }” { $reason }
problem-internal = Lỗi nội bộ
problem-internal-detail = Dịch vụ không thể trả lời yêu cầu này; lỗi đã được ghi lại.
problem-unavailable = Dịch vụ tạm thời không khả dụng
problem-unavailable-detail = Hiện không kết nối được cơ sở dữ liệu.
problem-busy = Hệ thống đang bận
problem-busy-detail = Có quá nhiều yêu cầu loại này đang được xử lý cùng lúc; vui lòng thử lại sau khoảng thời gian mà Retry-After cho biết.
problem-bad-query = Không đọc được chuỗi truy vấn.

error-empty = không được để trống.
error-too-long = quá dài (tối đa { $max } ký tự).
error-slug = chỉ được chứa chữ thường a–z, chữ số và dấu gạch nối đơn.
error-country = không phải là mã quốc gia ISO 3166-1 alpha-2 (ví dụ VN hoặc NL).
error-region = không phải là mã khu vực hoặc tiểu khu vực UN M49 (ví dụ 142 hoặc 035).
error-language = không phải là ngôn ngữ được hỗ trợ (vi hoặc en).
error-not-allowed = không thuộc các giá trị cho phép.
error-bool = phải là true hoặc false.
error-range = phải là số nguyên từ { $min } đến { $max }.
error-date = phải là ngày viết theo dạng YYYY-MM-DD.
error-timestamp = phải là thời điểm viết theo RFC 3339, ví dụ 2024-05-01T09:30:00Z.
error-no-text = cần có nội dung bằng ít nhất một ngôn ngữ.
error-language-tag = không phải thẻ ngôn ngữ BCP 47 (ví dụ fr, pt-BR hoặc zh-Hant).
error-english-or-vietnamese-only = chỉ được viết bằng tiếng Anh hoặc tiếng Việt.
error-percentage = phải là tỷ lệ phần trăm từ 0 đến 100, tối đa hai chữ số thập phân.
error-unknown-theme = không phải là chủ đề trong danh mục.
error-unknown-series = không phải là chuỗi sự kiện.
error-language-code = không phải mã ngôn ngữ ISO 639-1 (ví dụ vi, en hoặc fr).
error-currency = không phải mã tiền tệ ISO 4217 đang dùng (ví dụ EUR, USD hoặc VND).
error-amount = phải là một số tiền không âm như 1500000 hoặc 2500.50, không dùng dấu phân cách hàng nghìn.
error-url = phải là một địa chỉ web bắt đầu bằng http:// hoặc https://.
error-date-order = không được trước ngày bắt đầu.
error-duplicate = được ghi nhiều hơn một lần.
error-control-character = không được chứa ký tự điều khiển (như NUL); hãy kiểm tra nội dung đã dán.
error-unknown-actor = không trỏ tới tổ chức nào đã biết.
error-email = phải là một địa chỉ thư điện tử, ví dụ ten@example.org.
error-password-short = quá ngắn (tối thiểu { $min } ký tự).
error-password-common = quá phổ biến hoặc quá dễ đoán. Hãy chọn một cụm từ dài hơn mà người khác không nghĩ tới.
error-password-personal = không được chứa phần trước dấu @ trong địa chỉ thư điện tử của bạn.
error-query = không đọc được.

problem-forbidden = Bị từ chối
problem-forbidden-detail = Biểu mẫu không được gửi từ trang này hoặc đã hết hạn; hãy tải lại trang và thử lại.
problem-throttled = Quá nhiều yêu cầu
problem-throttled-detail = Có quá nhiều yêu cầu, lần đăng nhập sai hoặc yêu cầu gửi thư từ đây trong thời gian ngắn; hãy chờ rồi thử lại sau.

page-forbidden-title = Biểu mẫu đã hết hạn
page-forbidden-body = Biểu mẫu không được gửi từ trang này hoặc đã quá cũ. Hãy quay lại, tải lại trang và thử lại.
page-throttled-title = Quá nhiều yêu cầu
page-throttled-body = Có quá nhiều yêu cầu, lần đăng nhập sai hoặc yêu cầu gửi thư từ địa chỉ của bạn trong thời gian ngắn. Hãy chờ một lát trước khi thử lại.

error-login-failed = hoặc mật khẩu không đúng.
error-wrong-password = không đúng.
error-passwords-differ = không khớp với mật khẩu.

page-link-gone-title = Liên kết này không còn dùng được
page-link-gone-body = Liên kết đặt lại mật khẩu chỉ dùng được một lần, trong một giờ. Hãy yêu cầu liên kết mới tại trang đặt lại mật khẩu.
page-link-unknown-title = Liên kết này không đúng
page-link-unknown-body = Liên kết không phải do chúng tôi gửi, hoặc đã bị chương trình thư cắt ngắn. Hãy sao chép toàn bộ liên kết trong thư, hoặc yêu cầu liên kết mới tại trang đặt lại mật khẩu.

problem-link-gone = Liên kết không còn hiệu lực
problem-link-gone-detail = Liên kết đã được dùng hoặc đã hết hạn.
problem-link-unknown = Liên kết không xác định
problem-link-unknown-detail = Liên kết không phải do trang này gửi.

page-not-permitted-title = Bạn không được xem trang này
page-not-permitted-body = Vai trò của tài khoản bạn không cho phép truy cập trang này. Hãy liên hệ ban thư ký GFCE nếu bạn cho rằng cần được phép.

problem-not-permitted = Không được phép
problem-not-permitted-detail = Vai trò của tài khoản bạn không cho phép việc này.

error-unticked = phải được đánh dấu: gia nhập GFCE nghĩa là tán thành văn kiện này.

page-already-decided-title = Đơn này đã được quyết định
page-already-decided-body = Đơn đã được chấp thuận hoặc từ chối, có thể do người khác vừa thực hiện, nên không có gì thay đổi. Hãy mở lại đơn để xem quyết định.

problem-already-decided = Đã được quyết định
problem-already-decided-detail = Đơn không còn chờ quyết định; không có gì thay đổi.

error-taken = đã được một bản ghi khác sử dụng; hãy chọn giá trị khác.
error-syntax = không đúng dạng trường này nhận: { $detail }

problem-body = Nội dung yêu cầu
problem-invalid-field = Trường không hợp lệ
problem-invalid-field-detail = { $field } { $reason }
problem-sign-in = Cần đăng nhập
problem-sign-in-detail = Thao tác này cần một tài khoản đã đăng nhập.
problem-wrong-state = Hiện không thể thực hiện
problem-wrong-state-detail = Phiên bản đang ở trạng thái { $state }, nên bước này không áp dụng; không có gì thay đổi.
problem-in-progress = Đang có một phiên bản đang soạn
problem-in-progress-detail = Bản ghi đã có một phiên bản đang trên đường duyệt ({ $revision }); hãy sửa phiên bản đó.

page-sign-in-title = Vui lòng đăng nhập
page-sign-in-body = Trang này cần một tài khoản đã đăng nhập.
page-wrong-state-title = Hiện không thể thực hiện
page-wrong-state-body = Phiên bản đang ở trạng thái { $state }, có thể vừa thay đổi, nên không có gì thay đổi. Hãy mở lại để xem tình trạng hiện tại.
page-in-progress-title = Đang có một phiên bản đang soạn
page-in-progress-body = Bản ghi này đã có một phiên bản đang trên đường duyệt. Hãy mở mục đóng góp của bạn để tiếp tục.

problem-token-required = Cần mã truy cập API
problem-token-required-detail = Yêu cầu này cần một mã truy cập API cá nhân, gửi dưới dạng “Authorization: Bearer gfce_…”.
problem-invalid-token = Mã truy cập API không hợp lệ
problem-invalid-token-detail = Tiêu đề Authorization không phải “Bearer” kèm một mã của trang này, hoặc mã không tồn tại, đã bị thu hồi hay đã hết hạn, hoặc tài khoản của mã đã bị khóa.
problem-insufficient-scope = Mã truy cập thiếu quyền
problem-insufficient-scope-detail = Mã không có quyền “{ $scope }” mà yêu cầu này cần; hãy tạo một mã có quyền đó.

page-token-refused-title = Cần mã truy cập API
page-token-refused-body = Địa chỉ này chỉ trả lời các yêu cầu mang mã truy cập API cá nhân hợp lệ, với đúng quyền.

error-wrong-code = không đúng hoặc đã được dùng rồi.
error-one-time-code = phải là 6 chữ số do ứng dụng xác thực hiển thị.
error-recovery-code = phải là một trong các mã gồm 10 chữ cái và chữ số mà bạn đã lưu khi thiết lập đăng nhập hai bước.
error-second-factor-code = phải là 6 chữ số do ứng dụng xác thực hiển thị, hoặc một trong các mã khôi phục của bạn.
