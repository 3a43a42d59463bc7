### GFCE Hub, tiếng Việt — The membership application form.

apply-title = Nộp đơn gia nhập GFCE
apply-lead = Các quốc gia, tổ chức liên chính phủ, tổ chức quốc tế và doanh nghiệp gia nhập với tư cách thành viên; các tổ chức phi chính phủ, giới học thuật, xã hội dân sự và cộng đồng kỹ thuật với tư cách đối tác. Ban thư ký GFCE xem xét mọi đơn và trả lời qua thư điện tử.
apply-organisation-heading = Tổ chức của bạn
apply-choose = Chọn…
apply-name-hint = Ghi tên bằng tiếng Anh, tiếng Việt, hoặc cả hai.
apply-country-hint = Quốc gia nộp đơn cho biết đó là quốc gia nào; tổ chức có thể ghi quốc gia nơi đặt trụ sở.
apply-motivation-hint = Vì sao tổ chức của bạn muốn tham gia và sẽ đóng góp gì? Tối đa 4.000 ký tự.
apply-contact-heading = Người liên hệ
apply-endorsement-heading = Tán thành các văn kiện thành lập
apply-endorsement-lead = Thành viên và đối tác tán thành các văn kiện đã thành lập GFCE và định hướng công việc của diễn đàn. Một quan chức cấp cao của tổ chức bạn tán thành các văn kiện này thay mặt tổ chức.
apply-submit = Gửi đơn
apply-done-title = Đơn của bạn đã được gửi
apply-done-body = Xin cảm ơn. Chúng tôi đã gửi thư xác nhận đến địa chỉ thư điện tử của người liên hệ; ban thư ký GFCE sẽ trả lời tại đó khi đã quyết định.
