### GFCE Hub, tiếng Việt — Mail the platform sends.

mail-welcome-subject = Tài khoản GFCE Hub của bạn
mail-welcome-body =
    Xin chào,

    Một tài khoản trên GFCE Hub, nền tảng của Diễn đàn Toàn cầu về Chuyên môn An ninh mạng (GFCE), đã được tạo cho { $email }. Đăng nhập tại đây:

    { $link }

    Nếu bạn không tạo tài khoản này, người khác đã dùng địa chỉ của bạn. Hãy chọn mật khẩu mới bằng mục "Quên mật khẩu?" tại trang đăng nhập và báo cho ban thư ký GFCE.

    GFCE Hub
mail-already-registered-subject = Có người muốn đăng ký địa chỉ của bạn trên GFCE Hub
mail-already-registered-body =
    Xin chào,

    Có người đã yêu cầu tạo tài khoản GFCE Hub cho { $email }, nhưng địa chỉ này đã có tài khoản, nên không có gì thay đổi.

    Nếu đó là bạn và bạn quên mật khẩu, hãy chọn mật khẩu mới tại đây:

    { $link }

    Nếu không phải bạn, bạn không cần làm gì.

    GFCE Hub
mail-reset-subject = Chọn mật khẩu GFCE Hub mới
mail-reset-body =
    Xin chào,

    Có người đã yêu cầu đặt lại mật khẩu của tài khoản GFCE Hub { $email }. Để chọn mật khẩu mới, hãy mở liên kết này trong vòng một giờ:

    { $link }

    Liên kết chỉ dùng được một lần. Khi dùng, mọi phiên đăng nhập của tài khoản sẽ được đăng xuất.

    Nếu bạn không yêu cầu việc này, hãy bỏ qua thư: mật khẩu của bạn vẫn giữ nguyên.

    GFCE Hub
mail-application-received-subject = Đơn gia nhập GFCE của bạn
mail-application-received-body =
    Xin chào,

    Cảm ơn bạn đã gửi đơn để tổ chức của bạn gia nhập Diễn đàn Toàn cầu về Chuyên môn An ninh mạng (GFCE). Ban thư ký GFCE sẽ xem xét và viết thư cho bạn tại địa chỉ này khi đã quyết định.

    Nếu bạn không gửi đơn này, xin hãy báo cho ban thư ký GFCE.

    GFCE Hub
mail-application-approved-subject = Chào mừng đến với GFCE
mail-application-approved-body =
    Xin chào,

    Ban thư ký GFCE đã chấp thuận đơn của { $organisation }: tổ chức nay có tên trong danh sách thành viên và đối tác của GFCE, và địa chỉ này là đại diện của tổ chức trên GFCE Hub.

    Bạn có thể đăng nhập tại đây:

    { $link }

    GFCE Hub
mail-application-account-subject = Chọn mật khẩu cho tài khoản GFCE Hub của bạn
mail-application-account-body =
    Xin chào,

    Tài khoản GFCE Hub { $email } nay là đại diện của { $organisation }. Để chọn mật khẩu, hãy mở liên kết này trong vòng bảy ngày:

    { $link }

    Trước khi đó, không thể đăng nhập vào tài khoản: liên kết chứng minh hộp thư này là của bạn. Liên kết chỉ dùng được một lần; nếu đã hết hạn, hãy yêu cầu liên kết mới bằng mục "Quên mật khẩu?" tại trang đăng nhập.

    GFCE Hub
mail-application-rejected-subject = Đơn gia nhập GFCE của bạn
mail-application-rejected-body =
    Xin chào,

    Ban thư ký GFCE đã xem xét đơn của { $organisation } và không thể chấp thuận, vì lý do sau:

    { $reason }

    Bạn có thể viết thư cho ban thư ký nếu có câu hỏi, hoặc nộp đơn lại sau.

    GFCE Hub
