### GFCE Hub, tiếng Việt — The secretariat's pages: membership applications, the audit log, the mail outbox.

outbox-title = Hộp thư đi
outbox-empty = Chưa có thư nào.
outbox-to = Người nhận
outbox-created = Thời điểm soạn
outbox-status = Trạng thái
outbox-sent = Đã gửi
outbox-pending = { $attempts ->
    [0] Đang chờ, chưa thử gửi
   *[other] Đang chờ, đã thử gửi { $attempts } lần
}
outbox-last-error = Lỗi gần nhất

audit-title = Nhật ký kiểm toán
audit-lead = Mọi lần đăng nhập, thay đổi tài khoản, quyết định và lần đọc hộp thư đi, mới nhất trước. Mục nhật ký chỉ được thêm vào, không bao giờ bị sửa.
audit-action = Hành động
audit-user = Người dùng
audit-from = Từ ngày
audit-until = Đến ngày
audit-date-hint = Một ngày viết theo dạng YYYY-MM-DD (giờ UTC).
audit-at = Thời điểm (UTC)
audit-subject = Đối tượng
audit-detail = Chi tiết
audit-anonymous = (chưa đăng nhập)

applications-title = Đơn gia nhập
applications-empty = Không có đơn nào ở trạng thái này.

application-state = Trạng thái
application-state-submitted = Đã nộp
application-state-approved = Đã chấp thuận
application-state-rejected = Đã từ chối
application-actor = Thành viên hoặc đối tác
application-endorsement = Các văn kiện thành lập
application-endorsed-by = Cả ba được tán thành bởi { $name }, { $title }
application-submitted-at = Ngày nộp
application-history = Lịch sử
application-by-applicant = người nộp đơn
application-decide = Quyết định
application-approve-lead = Chấp thuận sẽ thêm tổ chức vào danh bạ thành viên, gia nhập từ hôm nay, và đặt người liên hệ làm đại diện của tổ chức.
application-approve = Chấp thuận
application-reason-hint = Lý do này được gửi cho người nộp đơn.
application-reject = Từ chối

audit-changes = { $count } trường thay đổi
audit-before = Trước
audit-after = Sau
