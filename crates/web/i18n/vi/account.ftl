### GFCE Hub, tiếng Việt — Accounts: signing in and out, the account page, registration, password reset, two-step sign-in, API tokens.

login-title = Đăng nhập
login-submit = Đăng nhập

logout-submit = Đăng xuất

account-title = Tài khoản của bạn
account-role = Vai trò
account-password-heading = Đổi mật khẩu
account-password-hint = Ít nhất 12 ký tự. Tránh mật khẩu phổ biến và địa chỉ thư điện tử của bạn; một cụm nhiều từ dễ nhớ và khó đoán.
account-password-submit = Đổi mật khẩu
account-password-changed = Mật khẩu của bạn đã được đổi. Các phiên đăng nhập khác đã được đăng xuất.

login-forgot = Quên mật khẩu?
login-register = Tạo tài khoản

register-title = Tạo tài khoản
register-lead = Tài khoản cho phép bạn theo dõi hoạt động của GFCE và, khi tổ chức của bạn là thành viên hoặc đối tác, đại diện cho tổ chức. Bạn sẽ nhận được một thư tại địa chỉ bạn cung cấp.
register-submit = Tạo tài khoản
register-have-account = Đã có tài khoản? Đăng nhập
register-done-title = Hãy kiểm tra hộp thư
register-done-body = Một thư đang được gửi tới địa chỉ bạn đã cung cấp, hướng dẫn các bước tiếp theo. Nếu sau vài phút chưa thấy thư, hãy xem trong thư mục thư rác.

reset-title = Đặt lại mật khẩu
reset-lead = Nhập địa chỉ thư điện tử của tài khoản. Nếu địa chỉ có tài khoản, một thư kèm liên kết để chọn mật khẩu mới sẽ được gửi tới; liên kết chỉ dùng được một lần, trong một giờ.
reset-submit = Gửi liên kết
reset-done-title = Hãy kiểm tra hộp thư
reset-done-body = Nếu địa chỉ này có tài khoản, một thư kèm liên kết để chọn mật khẩu mới đang được gửi tới. Liên kết chỉ dùng được một lần, trong một giờ.
reset-new-title = Chọn mật khẩu mới
reset-new-submit = Đặt mật khẩu mới
reset-complete-title = Mật khẩu của bạn đã được đổi
reset-complete-body = Mọi phiên đăng nhập của tài khoản đã được đăng xuất. Hãy đăng nhập bằng mật khẩu mới.

account-administration-heading = Quản trị
account-nav-label = Tài khoản của bạn

signed-in-as = Đã đăng nhập: { $email }

account-tokens-lead = Các chương trình dùng API JSON thay mặt bạn sẽ xác thực bằng mã truy cập API cá nhân.
account-tokens-link = Quản lý mã truy cập API

tokens-title = Mã truy cập API
tokens-lead = Mã truy cập API cá nhân cho phép một chương trình dùng API JSON với quyền của tài khoản bạn: gửi mã trong tiêu đề “Authorization: Bearer …”. Hãy giữ mã như mật khẩu; thu hồi mã bạn không còn dùng hoặc có thể đã bị lộ. Đổi mật khẩu không làm các mã hết hiệu lực.
tokens-list-heading = Các mã của bạn
tokens-empty = Bạn chưa có mã truy cập API nào.
tokens-name = Tên mã
tokens-name-hint = Mã dùng để làm gì, để sau này bạn phân biệt được. Tối đa 100 ký tự.
tokens-scope = Quyền
tokens-scope-read = Đọc
tokens-scope-write = Đọc và ghi
tokens-expires = Hết hạn
tokens-expires-days = Sau { $days } ngày
tokens-expires-never = Không bao giờ (đến khi bị thu hồi)
tokens-created = Ngày tạo
tokens-last-used = Lần dùng gần nhất
tokens-state = Trạng thái
tokens-actions = Thao tác
tokens-state-active = Còn hiệu lực
tokens-state-expired = Đã hết hạn
tokens-state-revoked = Đã thu hồi
tokens-never-used = Chưa dùng
tokens-no-expiry = Không hết hạn
tokens-revoke = Thu hồi
tokens-create-heading = Tạo mã mới
tokens-create-submit = Tạo mã
tokens-created-heading = Mã mới “{ $name }” của bạn
tokens-created-warning = Hãy sao chép mã ngay và cất giữ ở nơi an toàn: mã sẽ không được hiển thị lại. Hệ thống chỉ lưu giá trị băm của mã, nên không ai, kể cả ban thư ký, có thể cho bạn xem lại mã sau này.
tokens-created-usage = Gửi mã kèm mỗi yêu cầu API trong tiêu đề này:

# Xác thực hai bước khi đăng nhập
second-factor-title = Đăng nhập hai bước
second-factor-on-since = Đăng nhập hai bước được bật từ { $date }: sau mật khẩu, khi đăng nhập bạn cần nhập mã từ ứng dụng xác thực.
second-factor-codes-left = Bạn còn { $count } mã khôi phục chưa dùng.
second-factor-off-lead = Khi bật đăng nhập hai bước, chỉ mật khẩu thôi không mở được tài khoản của bạn: bạn còn phải nhập mã sáu chữ số do ứng dụng xác thực trên điện thoại hiển thị (ví dụ FreeOTP, Aegis, Google Authenticator hoặc Microsoft Authenticator). Nhờ vậy, kẻ lấy được mật khẩu cũng không thể đăng nội dung nhân danh GFCE.
second-factor-start = Thiết lập đăng nhập hai bước
second-factor-setup-lead = Đăng nhập hai bước chưa được bật. Hãy thêm tài khoản vào ứng dụng xác thực, rồi nhập mã ứng dụng hiển thị.
second-factor-scan-heading = 1. Thêm tài khoản vào ứng dụng
second-factor-scan-lead = Trong ứng dụng xác thực, chọn thêm tài khoản rồi quét mã QR này.
second-factor-qr-alt = Mã QR chứa khóa tài khoản của bạn dành cho ứng dụng xác thực
second-factor-key-lead = Nếu không quét được, hãy nhập khóa này vào ứng dụng:
second-factor-key-hint = Nếu ứng dụng hỏi, hãy chọn mã theo thời gian: 6 chữ số, cứ 30 giây lại có mã mới (SHA-1).
second-factor-confirm-heading = 2. Nhập mã ứng dụng hiển thị
second-factor-confirm-hint = Sáu chữ số; cứ 30 giây ứng dụng lại hiển thị một mã mới.
second-factor-confirm-submit = Bật đăng nhập hai bước
second-factor-start-over-lead = Đã thêm nhầm trên thiết bị khác, hoặc làm mất khóa? Hãy bắt đầu lại với một khóa mới.
second-factor-start-over = Bắt đầu lại với khóa mới
second-factor-turned-on = Đăng nhập hai bước đã được bật. Các phiên đăng nhập khác đã được đăng xuất.
second-factor-codes-heading = Các mã khôi phục của bạn
second-factor-codes-lead = Nếu mất điện thoại, hãy đăng nhập bằng một trong các mã này thay cho mã của ứng dụng; mỗi mã chỉ dùng được một lần. Hãy in ra hoặc lưu chúng vào trình quản lý mật khẩu ngay bây giờ: các mã chỉ hiển thị duy nhất lần này.
second-factor-codes-done = Tôi đã lưu các mã: quay về tài khoản
second-factor-disable-heading = Tắt đăng nhập hai bước
second-factor-disable-lead = Khi đó tài khoản của bạn chỉ còn được bảo vệ bằng mật khẩu. Để tắt, hãy nhập mật khẩu và một mã.
second-factor-disable-code-hint = Sáu chữ số ứng dụng đang hiển thị, hoặc một trong các mã khôi phục của bạn.
second-factor-disable-submit = Tắt đăng nhập hai bước
second-factor-turned-off = Đăng nhập hai bước đã được tắt. Từ giờ khi đăng nhập chỉ cần mật khẩu.
second-factor-back = Quay về tài khoản của bạn

login-code-title = Nhập mã của bạn
login-code-lead = Mật khẩu đã đúng. Tài khoản này dùng đăng nhập hai bước: hãy mở ứng dụng xác thực và nhập mã hiển thị cho GFCE Hub.
login-code-hint = Sáu chữ số; cứ 30 giây ứng dụng lại hiển thị một mã mới.
login-code-submit = Tiếp tục
login-recovery-heading = Không mở được ứng dụng?
login-recovery-hint = Một trong các mã khôi phục bạn đã lưu khi thiết lập đăng nhập hai bước, ví dụ 7k3m9-q2xvb. Mỗi mã chỉ dùng được một lần.
login-recovery-submit = Đăng nhập bằng mã khôi phục
login-code-restart = Đăng nhập lại từ đầu

account-second-factor-on = Đăng nhập hai bước đang bật.
account-second-factor-off = Đăng nhập hai bước đang tắt: chỉ cần mật khẩu là mở được tài khoản của bạn.
account-second-factor-manage = Quản lý đăng nhập hai bước
account-second-factor-set-up = Thiết lập đăng nhập hai bước
