### GFCE Hub, tiếng Việt — Curation: contributions, revisions, the review queue and the record forms.

revision-state-draft = Bản nháp
revision-state-submitted = Đang chờ duyệt
revision-state-returned = Được trả lại để sửa
revision-state-published = Đã công bố
revision-state-replaced = Đã được thay bằng phiên bản sau
revision-state-discarded = Đã hủy
revision-state-withdrawn = Đã rút khỏi công bố

contributions-title = Đóng góp của bạn
contributions-lead = Các dự án bạn hoặc đồng nghiệp đang soạn, đang chờ duyệt hoặc đã công bố. Không có gì ở đây được công khai cho đến khi người biên tập công bố.

curation-title = Hàng chờ duyệt
curation-lead = Các phiên bản được gửi duyệt, phiên bản chờ lâu nhất ở đầu. Hãy công bố những gì đã sẵn sàng, hoặc trả lại kèm nhận xét cần sửa gì.

revisions-empty = Chưa có gì ở đây.
revisions-count = { $count } phiên bản

record-edit-title = Sửa “{ $title }”
record-history-title = Các phiên bản của “{ $title }”
record-history-lead = Mọi phiên bản của bản ghi này, mới nhất ở đầu. Chỉ phiên bản đã công bố là công khai.

revision-kind = Loại
revision-number = Phiên bản
revision-owner = Gửi thay mặt
revision-author = Người soạn
revision-public-link = Xem phiên bản đã công bố
revision-record-history = Mọi phiên bản
revision-returned-heading = Người biên tập đã trả lại
revision-changes = Những thay đổi của phiên bản này
revision-no-changes = Phiên bản này không thay đổi gì so với phiên bản đã công bố.
revision-field = Trường
revision-before = Đã công bố
revision-after = Phiên bản này
revision-your-steps = Bạn có thể làm gì
revision-edit = Sửa
revision-submit = Gửi duyệt
revision-discard = Hủy bỏ
revision-review = Duyệt
revision-publish-lead = Công bố làm cho phiên bản này trở thành bản công khai: trên các trang, API, tìm kiếm, nguồn tin và dữ liệu xuất.
revision-publish = Công bố
revision-comment-hint = Hãy nói tác giả cần sửa gì trước khi có thể công bố.
revision-return = Trả lại để sửa
revision-history = Lịch sử
revision-history-started = Bắt đầu ở trạng thái { $to }
revision-history-change = { $from } → { $to }

record-edit-link = Sửa
record-history-link = Các phiên bản
record-withdraw = Rút khỏi công bố
