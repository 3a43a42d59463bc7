### GFCE Hub, tiếng Việt — The public pages: home, members, events, projects, tools and publications, actors, countries, search, feeds.

home-title = Cùng nhau nâng cao năng lực an toàn thông tin
home-lead = GFCE Hub là nơi các quốc gia, tổ chức quốc tế và doanh nghiệp chia sẻ kiến thức về nâng cao năng lực an toàn thông tin trên mạng, phòng chống tội phạm mạng, bảo vệ dữ liệu và chính phủ điện tử. Xem ai đang làm gì, ở đâu, và kết nối quốc gia cần hỗ trợ với những bên có thể hỗ trợ.
home-counts-heading = Cộng đồng qua các con số

count-members = thành viên
count-partners = đối tác
count-founding = thành viên sáng lập
count-countries = quốc gia thành viên
count-events = sự kiện

home-story-heading = Khởi đầu
home-story-p1 = Diễn đàn toàn cầu các chuyên gia không gian mạng (GFCE) được thành lập trong khuôn khổ Hội nghị toàn cầu về không gian mạng 2015 tại La Hay. Thông qua Tuyên bố Hague ngày 16/4/2015, 42 quốc gia, vùng lãnh thổ và tổ chức quốc tế đã trở thành thành viên sáng lập của GFCE.
home-story-p2 = Việt Nam là một trong số đó, và là quốc gia duy nhất tại Đông Nam Á tham gia sáng lập diễn đàn; Bộ Thông tin và Truyền thông là đại diện của Chính phủ Việt Nam tại Hội nghị.
home-story-p3 = Các thành viên chia sẻ kiến thức và kinh nghiệm để thành viên ít kinh nghiệm được hưởng lợi từ các quốc gia và tập đoàn có nhiều kinh nghiệm, góp phần xây dựng không gian mạng mở, tự do và an toàn.
home-story-quote = “Trên không gian mạng, các quốc gia không thể hành động một mình, họ cần dựa vào các quốc gia, các bên liên quan khác.”
home-story-quote-by = Ông Bert Koenders, Bộ trưởng Bộ Ngoại giao Vương quốc Hà Lan, tại buổi ra mắt GFCE
home-founding-link = Xem 42 thành viên sáng lập
home-areas-heading = Bốn lĩnh vực chia sẻ kiến thức
home-events-heading = Sự kiện mới nhất
home-events-all = Tất cả sự kiện

members-title = Thành viên và đối tác
members-lead = Thành viên của GFCE là các quốc gia, tổ chức liên chính phủ, tổ chức quốc tế và doanh nghiệp; đối tác là các tổ chức phi chính phủ, giới học thuật, xã hội dân sự và cộng đồng kỹ thuật.

member-kind = Loại
member-membership = Hình thức tham gia
member-country = Quốc gia
member-seat = Trụ sở
member-founding = Thành viên sáng lập
member-founding-yes = Có — đã ký Tuyên bố Hague ngày 16/4/2015
member-joined = Ngày tham gia
member-website = Trang web
member-listed-as = Tên trong nguồn tư liệu
member-themes = Chủ đề
member-short-name = Tên viết tắt
member-other-in-country = Xem mọi thành viên và đối tác có trụ sở tại { $country }

founding-badge = Thành viên sáng lập

events-title = Sự kiện
events-lead = Các hội nghị và cuộc họp của cộng đồng GFCE, bắt đầu từ chuỗi Hội nghị toàn cầu về không gian mạng, nơi GFCE được thành lập.

event-series = Chuỗi sự kiện
event-dates = Thời gian
event-place = Địa điểm
event-website = Trang web
event-organiser = Đơn vị tổ chức
event-themes = Chủ đề
event-founding-link = Xem 42 thành viên sáng lập ra mắt tại hội nghị này

search-title = Tìm kiếm
search-label = Tìm kiếm trên GFCE Hub
search-button = Tìm
search-hint = Thành viên, tổ chức, dự án, công cụ, ấn phẩm và sự kiện, bằng tiếng Việt hoặc tiếng Anh; có thể gõ không dấu.
search-facets-heading = Thu hẹp kết quả
search-chosen = đang chọn — chọn để bỏ

feed-latest = nội dung mới thêm và cập nhật

count-projects = dự án

home-explore-heading = Khám phá kho tri thức
home-explore-projects = Các dự án nâng cao năng lực: ai tài trợ, ai thực hiện, ở đâu, về chủ đề gì, và dự án nào có thể trùng lặp.
home-explore-tools = Hướng dẫn, khung, bộ công cụ, khóa đào tạo và tiêu chuẩn để nâng cao năng lực an ninh mạng.
home-explore-publications = Báo cáo, nghiên cứu và tài liệu chính sách về nâng cao năng lực an ninh mạng.
home-explore-countries = Hồ sơ của từng quốc gia: chiến lược, CERT và pháp luật, các tổ chức có trụ sở tại đó và các dự án hỗ trợ quốc gia.

projects-title = Dự án
projects-lead = Các dự án và sáng kiến nâng cao năng lực an ninh mạng: ai tài trợ, ai thực hiện, ở đâu, về chủ đề gì và khi nào.

tools-title = Công cụ
tools-lead = Hướng dẫn, khung, bộ công cụ, khóa đào tạo, tiêu chuẩn, phần mềm và bộ dữ liệu phục vụ nâng cao năng lực an ninh mạng.

publications-title = Ấn phẩm
publications-lead = Báo cáo, nghiên cứu và tài liệu chính sách về nâng cao năng lực an ninh mạng.

order-newest = Bắt đầu gần đây nhất trước
order-title = Theo tên

list-of-actor = Chỉ hiển thị hoạt động của

card-places = Bên hưởng lợi:
card-themes = Chủ đề:

places-more = và { $count } nơi khác

period-from = Từ { $date }
period-until = Đến { $date }

caption-project = Dự án
caption-tool = Công cụ
caption-publication = Ấn phẩm
caption-country = Hồ sơ quốc gia

project-status = Trạng thái
project-start = Ngày bắt đầu
project-end = Ngày kết thúc
project-budget = Ngân sách
project-funders = Nhà tài trợ
project-implementers = Đơn vị thực hiện
project-partners = Đối tác
project-countries = Quốc gia hưởng lợi
project-regions = Khu vực hưởng lợi
project-themes = Chủ đề
project-tags = Nhãn
# A beneficiary country, region or tag with the share of the project it stands for.
project-share = { $name } ({ $percent }%)
project-languages = Ngôn ngữ làm việc
project-links = Liên kết
project-source = Nguồn
project-iati = Mã định danh IATI
project-description = Mô tả

last-updated = Cập nhật lần cuối

overlap-heading = Các dự án có thể trùng lặp
overlap-lead = Các dự án cùng hỗ trợ một địa bàn, có chủ đề chung và triển khai cùng thời gian với dự án này. Đối chiếu các dự án này giúp tránh trùng lặp nỗ lực.
overlap-none = Không tìm thấy dự án nào có thể trùng lặp.
overlap-score = Tương đồng { $percent }%
overlap-countries = Cùng hỗ trợ { $names }
overlap-regions = Cùng hướng tới { $names }
overlap-themes = Chủ đề chung: { $names }
overlap-period = Cùng triển khai trong khoảng { $period }
overlap-period-open = Thời gian thực hiện trùng nhau, chưa có ngày kết thúc chung
overlap-text = Tên và tóm tắt giống nhau { $percent }%

resource-kind = Loại
resource-published = Ngày công bố
resource-url = Địa chỉ web
resource-authors = Tác giả
resource-publishers = Nhà xuất bản
resource-themes = Chủ đề
resource-regions = Khu vực
resource-languages = Ngôn ngữ
resource-kind-guide = Hướng dẫn
resource-kind-framework = Khung
resource-kind-toolkit = Bộ công cụ
resource-kind-training_course = Khóa đào tạo
resource-kind-standard = Tiêu chuẩn
resource-kind-software = Phần mềm
resource-kind-dataset = Bộ dữ liệu
resource-kind-report = Báo cáo
resource-kind-study = Nghiên cứu
resource-kind-policy_paper = Tài liệu chính sách

actor-iati = Mã tổ chức IATI

work-projects-heading = Dự án
work-tools-heading = Công cụ
work-publications-heading = Ấn phẩm

see-all-projects = Xem tất cả { $count } dự án
see-all-tools = Xem tất cả { $count } công cụ
see-all-publications = Xem tất cả { $count } ấn phẩm

countries-title = Quốc gia
countries-lead = Mọi quốc gia và vùng lãnh thổ, nhóm theo khu vực UN M49. Mỗi hồ sơ tổng hợp các thông tin chính, các tổ chức có trụ sở tại đó, các dự án hỗ trợ quốc gia và các sự kiện quốc gia đã đăng cai.
countries-regions-heading = Khu vực
countries-no-region = Các vùng lãnh thổ khác

country-projects-count = { $count } dự án
country-member-badge = Thành viên GFCE
country-name-other = Tên tiếng Anh
country-codes = Mã ISO 3166-1
country-region = Khu vực
country-languages = Ngôn ngữ
country-membership = Tư cách thành viên GFCE
country-member-since = Thành viên từ { $date }
country-facts-heading = Thông tin chính
country-facts-none = Chưa có thông tin chính nào về quốc gia này.

fact-strategy = Chiến lược an ninh mạng quốc gia
fact-cert = Đội ứng cứu sự cố máy tính quốc gia (CERT)
fact-data_protection_law = Luật bảo vệ dữ liệu cá nhân
fact-cybercrime_law = Luật về tội phạm mạng / an ninh mạng
fact-source = Nguồn: { $host }

country-actors-heading = Thành viên và tổ chức có trụ sở tại { $country }
country-actors-none = Chưa có tổ chức nào có trụ sở tại đây.
country-benefits-heading = Dự án hỗ trợ { $country }
country-projects-none = Chưa có dự án nào hỗ trợ quốc gia này.
country-funds-heading = Dự án do { $country } tài trợ hoặc thực hiện
country-tools-heading = Công cụ bằng { $languages }
country-tools-none = Chưa có công cụ nào bằng các ngôn ngữ này.
country-tools-all = Tất cả công cụ bằng { $language }
country-events-heading = Sự kiện tổ chức tại { $country }

members-apply-link = Tổ chức của bạn muốn tham gia? Hãy nộp đơn trở thành thành viên hoặc đối tác.

home-apply-link = Nộp đơn để tổ chức của bạn gia nhập GFCE

project-new-title = Gửi một dự án mới
project-form-lead = Mô tả dự án bằng tiếng Anh, tiếng Việt hoặc cả hai. Lưu bản nháp để hoàn thiện sau, hoặc gửi duyệt: người biên tập xem xét trước khi công bố.
project-form-published-lead = Thay đổi của bạn trở thành một phiên bản mới. Dự án đã công bố vẫn giữ nguyên và mọi người vẫn xem được, cho đến khi người biên tập công bố phiên bản mới.
project-form-languages-hint = Hãy nhập tên ít nhất bằng một ngôn ngữ; ngôn ngữ kia sẽ dùng tên này thay thế.
project-form-slug-hint = Địa chỉ của dự án, ví dụ cert-training-2027: chữ thường không dấu, chữ số và dấu gạch nối. Để trống để tạo từ tên dự án.
project-form-markdown-hint = Phần mô tả có thể dùng Markdown (tiêu đề, danh sách, liên kết, nhấn mạnh). HTML được hiển thị như văn bản, và chỉ giữ liên kết web và thư điện tử.
project-form-countries-hint = Các quốc gia được hưởng lợi. Giữ Ctrl (hoặc ⌘) để chọn nhiều nước.
project-form-tags-hint = Từ khóa tự do, cách nhau bằng dấu phẩy.
project-form-budget-hint = Chữ số, có thể có dấu chấm thập phân, không dùng dấu phân cách hàng nghìn: 250000 hoặc 1500.50.
project-form-submit = Lưu và gửi duyệt
project-form-save = Lưu bản nháp

tool-new-title = Gửi một công cụ mới

publication-new-title = Gửi một ấn phẩm mới

resource-form-lead = Mô tả bằng tiếng Anh, tiếng Việt hoặc cả hai. Lưu bản nháp để hoàn thiện sau, hoặc gửi duyệt: người biên tập xem xét trước khi công bố.
resource-form-languages-hint = Các ngôn ngữ có sẵn, dạng mã ISO 639-1 cách nhau bằng dấu phẩy: en, vi, fr.
