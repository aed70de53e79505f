<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="vi">
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../ui/admin.py" line="104" />
        <source>Quản trị máy tra cứu</source>
        <translation>Kiosk administration</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="114" />
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="115" />
        <source>Nguồn dữ liệu</source>
        <translation>Data source</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="116" />
        <source>Lần tra cứu gần nhất</source>
        <translation>Last lookup</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="117" />
        <source>Hôm nay</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="118" />
        <source>Cấu hình</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="119" />
        <source>Thư mục nhật ký</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="127" />
        <source>giây</source>
        <translation>seconds</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="136" />
        <source>Thời gian hiện kết quả</source>
        <translation>Result shown for</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="138" />
        <source>Âm lượng video</source>
        <translation>Video volume</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="147" />
        <source>Thử tra cứu một mã</source>
        <translation>Try looking up a code</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="148" />
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="221" />
        <source>Thay đổi được lưu vào tệp cấu hình và có hiệu lực ngay.</source>
        <translation>Changes are saved to the configuration file and apply at once.</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="235" />
        <source>Dữ liệu minh họa (demo)</source>
        <translation>Sample data (demo)</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="236" />
        <source>Hệ thống nghiệp vụ qua mạng (http)</source>
        <translation>Back office over the network (http)</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="237" />
        <source>Sổ theo dõi hồ sơ (tracking_book)</source>
        <translation>Dossier tracking book (tracking_book)</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="241" />
        <source>— Chưa có lần tra cứu nào từ khi khởi động</source>
        <translation>— No lookup since the kiosk started</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="243" />
        <source>✓ Thành công</source>
        <translation>✓ Worked</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="245" />
        <source>✗ Lỗi: không tra cứu được</source>
        <translation>✗ Failed: the lookup did not work</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="248" />
        <source>Tìm thấy %1 · Không tìm thấy %2 · Lỗi %3 · Mã không hợp lệ %4</source>
        <translation>Found %1 · Not found %2 · Failed %3 · Not a dossier code %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/admin.py" line="255" />
        <source>⚠ %n lỗi (đang dùng giá trị mặc định):</source>
        <translation><numerusform>⚠ %n problem (defaults in use):</numerusform><numerusform>⚠ %n problems (defaults in use):</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="258" />
        <source>✓ Không có lỗi</source>
        <translation>✓ No problems</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="273" />
        <source>✓ Đã lưu.</source>
        <translation>✓ Saved.</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="275" />
        <source>✗ Chưa lưu được: %1</source>
        <translation>✗ Not saved: %1</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="286" />
        <source>Đang lưu…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="304" />
        <source>🔇 Đang tắt tiếng</source>
        <translation>🔇 Sound is off</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="304" />
        <source>🔊 Tắt tiếng</source>
        <translation>🔊 Turn sound off</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="315" />
        <source>Đang tra cứu thử mã %1…</source>
        <translation>Trying code %1…</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="339" />
        <source>Chạm lần nữa để thoát</source>
        <translation>Tap again to quit</translation>
    </message>
    <message>
        <location filename="../ui/admin.py" line="345" />
        <source>Thoát ứng dụng</source>
        <translation>Quit the application</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../app.py" line="82" />
        <source>Chào mừng quý khách</source>
        <translation>Welcome</translation>
    </message>
</context>
<context>
    <name>CountdownBar</name>
    <message>
        <location filename="../ui/widgets.py" line="189" />
        <source>Xong</source>
        <translation>Done</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets.py" line="200" />
        <source>Tự động quay về màn hình chính sau %n giây</source>
        <translation><numerusform>Returning to the start in %n second</numerusform><numerusform>Returning to the start in %n seconds</numerusform></translation>
    </message>
</context>
<context>
    <name>EntryScreen</name>
    <message>
        <location filename="../ui/entry.py" line="37" />
        <source>Nhập mã hồ sơ in trên giấy hẹn</source>
        <translation>Type the dossier code printed on your receipt</translation>
    </message>
    <message>
        <location filename="../ui/entry.py" line="39" />
        <source>Ví dụ: 000.00.53.H48-220921-0099</source>
        <translation>Example: 000.00.53.H48-220921-0099</translation>
    </message>
    <message>
        <location filename="../ui/entry.py" line="56" />
        <source>Tra cứu</source>
        <translation>Look up</translation>
    </message>
    <message>
        <location filename="../ui/entry.py" line="57" />
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../ui/widgets.py" line="26" />
        <source>Thứ Hai</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="27" />
        <source>Thứ Ba</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="28" />
        <source>Thứ Tư</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="29" />
        <source>Thứ Năm</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="30" />
        <source>Thứ Sáu</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="31" />
        <source>Thứ Bảy</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="32" />
        <source>Chủ Nhật</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="140" />
        <source>DEMO — dữ liệu minh họa</source>
        <translation>DEMO — sample data</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/widgets.py" line="165" />
        <source>⚠ Cấu hình có %n lỗi</source>
        <translation><numerusform>⚠ %n configuration problem</numerusform><numerusform>⚠ %n configuration problems</numerusform></translation>
    </message>
</context>
<context>
    <name>IdleScreen</name>
    <message>
        <location filename="../ui/idle.py" line="109" />
        <source>Quét mã QR trên giấy hẹn trả kết quả</source>
        <translation>Scan the QR code on your receipt</translation>
    </message>
    <message>
        <location filename="../ui/idle.py" line="113" />
        <source>Đưa mã QR vào máy quét phía dưới màn hình</source>
        <translation>Hold the QR code under the scanner below the screen</translation>
    </message>
    <message>
        <location filename="../ui/idle.py" line="114" />
        <source>Đưa mã QR vào máy quét bên trái màn hình</source>
        <translation>Hold the QR code under the scanner left of the screen</translation>
    </message>
    <message>
        <location filename="../ui/idle.py" line="115" />
        <source>Đưa mã QR vào máy quét bên phải màn hình</source>
        <translation>Hold the QR code under the scanner right of the screen</translation>
    </message>
    <message>
        <location filename="../ui/idle.py" line="121" />
        <source>Không có mã QR? Chạm vào màn hình để nhập mã hồ sơ.</source>
        <translation>No QR code? Touch the screen to type the dossier code.</translation>
    </message>
</context>
<context>
    <name>Kiosk</name>
    <message>
        <location filename="../app.py" line="186" />
        <source>không có tệp cấu hình</source>
        <translation>there is no configuration file</translation>
    </message>
</context>
<context>
    <name>LookingUpScreen</name>
    <message>
        <location filename="../ui/message.py" line="50" />
        <source>Mã hồ sơ: %1</source>
        <translation>Dossier code: %1</translation>
    </message>
    <message>
        <location filename="../ui/message.py" line="62" />
        <source>Đang tra cứu hồ sơ</source>
        <translation>Looking up the dossier</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/main_window.py" line="44" />
        <source>Tra cứu hồ sơ — %1</source>
        <translation>Dossier lookup — %1</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../ui/pin_pad.py" line="121" />
        <source>Nhập mã PIN quản trị</source>
        <translation>Enter the admin PIN</translation>
    </message>
    <message>
        <location filename="../ui/pin_pad.py" line="132" />
        <source>Vào</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../ui/pin_pad.py" line="141" />
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../ui/pin_pad.py" line="187" />
        <source>Chưa đặt mã PIN quản trị. Cán bộ kỹ thuật đặt mã bằng lệnh: kiosk set-pin</source>
        <translation>No admin PIN is set. IT sets one with the command: kiosk set-pin</translation>
    </message>
    <message>
        <location filename="../ui/pin_pad.py" line="228" />
        <source>Mã PIN có từ 4 đến 8 chữ số.</source>
        <translation>The PIN has 4 to 8 digits.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pin_pad.py" line="241" />
        <source>✗ Mã PIN không đúng. Còn %n lần thử.</source>
        <translation><numerusform>✗ Wrong PIN. %n try left.</numerusform><numerusform>✗ Wrong PIN. %n tries left.</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pin_pad.py" line="254" />
        <source>%n phút</source>
        <translation><numerusform>%n minute</numerusform><numerusform>%n minutes</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/pin_pad.py" line="256" />
        <source>%n giây</source>
        <translation><numerusform>%n second</numerusform><numerusform>%n seconds</numerusform></translation>
    </message>
    <message>
        <location filename="../ui/pin_pad.py" line="258" />
        <source>⚠ Nhập sai quá nhiều lần. Thử lại sau %1.</source>
        <translation>⚠ Too many wrong tries. Try again in %1.</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <location filename="../ui/result.py" line="139" />
        <source>Ngày có kết quả</source>
        <extracomment>Steps shown at most; older ones are summarised in one line.</extracomment>
        <translation>Result ready on</translation>
    </message>
    <message>
        <location filename="../ui/result.py" line="145" />
        <source>Mã hồ sơ</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../ui/result.py" line="146" />
        <source>Người nộp</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../ui/result.py" line="147" />
        <source>Ngày tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../ui/result.py" line="148" />
        <source>Ngày hẹn trả</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../ui/result.py" line="165" />
        <source>Các bước xử lý</source>
        <translation>Processing steps</translation>
    </message>
    <message>
        <location filename="../ui/result.py" line="250" />
        <source>(chưa có tên thủ tục)</source>
        <translation>(procedure name not given)</translation>
    </message>
    <message>
        <location filename="../ui/result.py" line="287" />
        <source>Hoặc quét mã VietQR bên cạnh bằng ứng dụng ngân hàng để nộp %1 cho %2.</source>
        <translation>Or scan the VietQR code beside this with a banking app to pay %1 to %2.</translation>
    </message>
    <message>
        <location filename="../ui/result.py" line="298" />
        <source>Chưa có thông tin các bước.</source>
        <translation>No steps recorded yet.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/result.py" line="300" />
        <source>… và %n bước trước đó</source>
        <translation><numerusform>… and %n earlier step</numerusform><numerusform>… and %n earlier steps</numerusform></translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../ui/texts.py" line="24" />
        <source>Mới đăng ký</source>
        <translation>Newly registered</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="25" />
        <source>Được tiếp nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="26" />
        <source>Không được tiếp nhận</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="27" />
        <source>Đang xử lý</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="28" />
        <source>Yêu cầu bổ sung giấy tờ</source>
        <translation>Additional papers required</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="29" />
        <source>Yêu cầu thực hiện nghĩa vụ tài chính</source>
        <translation>Fees to be paid</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="30" />
        <source>Công dân yêu cầu rút hồ sơ</source>
        <translation>Withdrawn at the citizen's request</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="31" />
        <source>Dừng xử lý</source>
        <translation>Processing stopped</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="32" />
        <source>Đã xử lý xong</source>
        <translation>Processing finished</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="33" />
        <source>Đã trả kết quả</source>
        <translation>Result handed over</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="58" />
        <source>{amount} đồng</source>
        <translation>{amount} VND</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="66" />
        <source>Trong hạn — hẹn trả kết quả hôm nay</source>
        <translation>On schedule — result due today</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="68" />
        <source>Trong hạn — hẹn trả kết quả ngày mai</source>
        <translation>On schedule — result due tomorrow</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="70" />
        <source>Trong hạn — còn {n} ngày đến ngày hẹn trả</source>
        <translation>On schedule — {n} days until the appointment</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="72" />
        <source>Quá hạn {n} ngày so với ngày hẹn trả</source>
        <translation>Overdue by {n} days</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="74" />
        <source>Hoàn thành sớm {n} ngày so với ngày hẹn</source>
        <translation>Finished {n} days early</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="76" />
        <source>Hoàn thành đúng hẹn</source>
        <translation>Finished on time</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="78" />
        <source>Hoàn thành trễ {n} ngày so với ngày hẹn</source>
        <translation>Finished {n} days late</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="88" />
        <source>Hồ sơ đã được đăng ký và đang chờ tiếp nhận. Vui lòng chờ thông báo.</source>
        <translation>The dossier is registered and waiting to be received. Please wait to be notified.</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="93" />
        <source>Hồ sơ đã quá ngày hẹn. Xin lỗi ông/bà vì sự chậm trễ; vui lòng đến {counter} để nhận phiếu xin lỗi và ngày hẹn mới.</source>
        <translation>The dossier is past its appointment date. We apologise for the delay; please go to {counter} for an apology letter and a new date.</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="99" />
        <source>Hồ sơ đang được xử lý. Vui lòng chờ thông báo.</source>
        <translation>The dossier is being processed. Please wait to be notified.</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="100" />
        <source>Hồ sơ đang được xử lý. Vui lòng quay lại vào ngày hẹn {date}.</source>
        <translation>The dossier is being processed. Please come back on the appointment date, {date}.</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="104" />
        <source>Vui lòng mang giấy tờ cần bổ sung đến {counter}.</source>
        <translation>Please bring the missing papers to {counter}.</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="109" />
        <source>Vui lòng nộp {amount} tại {counter} để hồ sơ được xử lý tiếp.</source>
        <translation>Please pay {amount} at {counter} so that processing can continue.</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="112" />
        <source>Vui lòng nộp phí, lệ phí tại {counter} để hồ sơ được xử lý tiếp.</source>
        <translation>Please pay the fees at {counter} so that processing can continue.</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="116" />
        <source>Kết quả đã sẵn sàng. Vui lòng mang giấy hẹn đến {counter} để nhận.</source>
        <translation>The result is ready. Please bring your receipt to {counter} to collect it.</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="120" />
        <source>Kết quả đã được trả. Cảm ơn ông/bà đã sử dụng dịch vụ.</source>
        <translation>The result has been handed over. Thank you for using our service.</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="122" />
        <source>Hồ sơ đã được rút theo yêu cầu. Cần hỗ trợ, vui lòng đến {counter}.</source>
        <translation>The dossier was withdrawn as requested. For help, please go to {counter}.</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="126" />
        <source>Vui lòng đến {counter} để được giải thích và hướng dẫn.</source>
        <translation>Please go to {counter} for an explanation and guidance.</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="139" />
        <source>Chưa kết nối được hệ thống tra cứu. Đây là tình trạng cập nhật lúc {time} ngày {date}; có thể đã thay đổi.</source>
        <translation>The lookup system cannot be reached. This is the status as of {time} on {date}; it may have changed since.</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="146" />
        <source>Thông tin cập nhật lúc {time} ngày {date}; có thể đã thay đổi.</source>
        <translation>Information as of {time} on {date}; it may have changed since.</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="155" />
        <source>Không tìm thấy hồ sơ</source>
        <translation>Dossier not found</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="156" />
        <source>Chưa tìm thấy hồ sơ mã {code}. Hồ sơ vừa nộp có thể chưa được cập nhật. Vui lòng kiểm tra lại giấy hẹn hoặc hỏi cán bộ tại quầy.</source>
        <translation>No dossier {code} was found yet. A dossier handed in just now may not be listed yet. Please check your receipt or ask at the counter.</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="164" />
        <source>Đây là mã QR thông tin</source>
        <translation>This is the information QR code</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="165" />
        <source>Mã này không chứa mã hồ sơ. Vui lòng quét mã QR tra cứu hoặc mã vạch trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.</source>
        <translation>It holds no dossier code. Please scan the lookup QR code or the barcode on your receipt.</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="173" />
        <source>Mã vừa quét không phải mã hồ sơ</source>
        <translation>That is not a dossier code</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="174" />
        <source>Vui lòng quét mã QR in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả, hoặc chạm màn hình để nhập mã hồ sơ.</source>
        <translation>Please scan the QR code printed on your receipt, or touch the screen to type the dossier code.</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="182" />
        <source>Không đọc được mã</source>
        <translation>The code could not be read</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="183" />
        <source>Máy quét đọc sai mã. Vui lòng báo cán bộ tại quầy để được hỗ trợ.</source>
        <translation>The scanner misread the code. Please ask the staff at the counter for help.</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="187" />
        <source>Hệ thống phản hồi chậm</source>
        <translation>The system is answering slowly</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="188" />
        <source>Hệ thống tra cứu đang phản hồi chậm. Vui lòng quét lại sau ít phút.</source>
        <translation>The lookup system is slow to answer. Please scan again in a few minutes.</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="193" />
        <source>Tạm thời chưa tra cứu được</source>
        <translation>Lookup is unavailable for now</translation>
    </message>
    <message>
        <location filename="../ui/texts.py" line="194" />
        <source>Hệ thống tra cứu đang tạm gián đoạn. Vui lòng thử lại sau ít phút hoặc hỏi cán bộ tại quầy.</source>
        <translation>The lookup system is temporarily unavailable. Please try again in a few minutes or ask at the counter.</translation>
    </message>
</context>
<context>
    <name>VideoArea</name>
    <message>
        <location filename="../media/video_area.py" line="292" />
        <source>Ngoài giờ làm việc</source>
        <translation>Outside office hours</translation>
    </message>
    <message>
        <location filename="../media/video_area.py" line="295" />
        <source>Chào mừng quý khách</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../media/video_area.py" line="296" />
        <source>Quét mã QR trên giấy hẹn để xem tiến độ hồ sơ</source>
        <translation>Scan the QR code on your receipt to see how your dossier is going</translation>
    </message>
    <message>
        <location filename="../media/video_area.py" line="386" />
        <source>Giờ làm việc</source>
        <translation>Office hours</translation>
    </message>
</context>
</TS>