## The complaint form

complaint-intro = ثبت شکایت را شروع می‌کنیم. در هر مرحله می‌توانید با /cancel انصراف دهید؛ پاسخ‌هایتان تا ثبت نهایی نگه داشته می‌شود.
draft-resume-or-restart = یک شکایت نیمه‌کاره دارید. ادامه می‌دهید یا از ابتدا شروع می‌کنید؟
ask-business-name = <b>مرحله { $n } از { $total }</b>
    نام کسب‌وکاری که از آن شکایت دارید را بنویسید.
ask-website = <b>مرحله { $n } از { $total }</b>
    نشانی وب‌سایت یا اپلیکیشن آن را بفرستید؛ مثلاً <code>example.ir</code> یا <code>https://www.example.ir</code> یا نام صفحه مانند <code>@shop</code>.
ask-licence = <b>مرحله { $n } از { $total }</b>
    اگر شماره پروانه کسب آن را می‌دانید بنویسید؛ وگرنه «رد شدن» را بزنید.
ask-subject = <b>مرحله { $n } از { $total }</b>
    موضوع شکایت را انتخاب کنید:
ask-description = <b>مرحله { $n } از { $total }</b>
    شرح شکایت را بنویسید: چه اتفاقی افتاد و چه درخواستی دارید (حداکثر { $max } نویسه).
ask-order-number = <b>مرحله { $n } از { $total }</b>
    اگر سفارشی ثبت کرده‌اید، شماره سفارش را بنویسید.
ask-order-date = <b>مرحله { $n } از { $total }</b>
    تاریخ سفارش را بنویسید؛ مثلاً ۱۴۰۵/۰۸/۲۵.
ask-order-amount = <b>مرحله { $n } از { $total }</b>
    مبلغ پرداختی را به ریال بنویسید؛ مثلاً ۲٬۵۰۰٬۰۰۰.
ask-attachments = <b>مرحله { $n } از { $total }</b>
    اگر تصویر، رسید یا فایلی دارید بفرستید (حداکثر { $max } فایل). در پایان «تمام شد» را بزنید.
ask-contact = <b>مرحله { $n } از { $total }</b>
    برای پیگیری شکایت، شماره همراه خودتان را با دکمه «ارسال شماره همراه من» بفرستید.
complaint-summary =
    <b>خلاصه شکایت شما</b>
    { $details }

    اگر درست است «تأیید و ثبت نهایی» را بزنید.
complaint-details =
    <b>کسب‌وکار:</b> { $business }
    <b>وب‌سایت یا اپلیکیشن:</b> { $website }
    <b>شماره پروانه:</b> { $licence }
    <b>موضوع:</b> { $subject }
    <b>شرح:</b> { $description }
    <b>شماره سفارش:</b> { $order_number }
    <b>تاریخ سفارش:</b> { $order_date }
    <b>مبلغ:</b> { $order_amount }
    <b>پیوست‌ها:</b> { $attachments }
edit-choose = کدام بخش را ویرایش می‌کنید؟
complaint-filed =
    ✅ شکایت شما ثبت شد.
    کد رهگیری: <code>{ $code }</code>
    رسید ثبت هم‌اکنون برایتان فرستاده می‌شود.

## Validation of answers

form-business-name-too-short = نام کسب‌وکار کوتاه است؛ دست‌کم { $min } نویسه بنویسید.
form-business-name-too-long = نام کسب‌وکار بلند است ({ $length } نویسه)؛ حداکثر { $max } نویسه بنویسید.
form-website-invalid = این نشانی معتبر نیست. نشانی را مانند <code>example.ir</code> یا <code>https://example.ir</code> یا نام صفحه را مانند <code>@shop</code> بفرستید.
form-licence-invalid = شماره پروانه باید فقط رقم و حرف (و در صورت نیاز / یا -) باشد؛ مثلاً ۱۴۰۰۱۲۳۴۵. اگر آن را نمی‌دانید «رد شدن» را بزنید.
form-description-too-short = شرح شکایت کوتاه است؛ دست‌کم { $min } نویسه بنویسید تا کارشناس بتواند بررسی کند.
form-description-too-long = شرح شکایت { $length } نویسه است و حداکثر { $max } نویسه پذیرفته می‌شود. لطفاً خلاصه‌تر بنویسید؛ جزئیات بیشتر را می‌توانید به صورت فایل پیوست کنید.
form-order-number-too-short = شماره سفارش را بنویسید یا «سفارشی در کار نیست» را بزنید.
form-order-number-too-long = شماره سفارش بلند است ({ $length } نویسه)؛ حداکثر { $max } نویسه.
form-order-date-invalid = تاریخ را به شکل سال/ماه/روز بنویسید؛ مثلاً ۱۴۰۵/۰۸/۲۵ یا ۲۰۲۶-۱۱-۱۶.
form-order-date-future = تاریخ سفارش نمی‌تواند در آینده باشد.
form-order-amount-invalid = مبلغ را فقط با رقم و به ریال بنویسید؛ مثلاً ۲۵۰۰۰۰۰ یا ۲٬۵۰۰٬۰۰۰.
form-text-expected = در این مرحله لطفاً پاسخ را به صورت متن بنویسید.
form-choose-button = لطفاً یکی از دکمه‌ها را انتخاب کنید.

## Attachments

attachment-received = فایل { $count } از { $max } دریافت شد. فایل دیگری بفرستید یا «تمام شد» را بزنید.
attachment-limit = حداکثر { $max } فایل پذیرفته می‌شود.
attachment-limit-reached = { $max } فایل دریافت شد که حداکثر مجاز است.
attachment-duplicate = این فایل را قبلاً فرستاده‌اید.
attachment-too-large = حجم این فایل بیش از ۲۰ مگابایت است؛ لطفاً فایل کوچک‌تری بفرستید.
attachment-expected = در این مرحله فقط عکس یا فایل پذیرفته می‌شود. اگر فایلی ندارید «تمام شد» را بزنید.

## Contact

contact-not-own = این شماره متعلق به حساب شما نیست. لطفاً فقط با دکمه «ارسال شماره همراه من» شماره خودتان را بفرستید.
contact-invalid = این شماره قابل استفاده نیست. لطفاً دوباره با دکمه بفرستید.
contact-verified = ✅ شماره همراه شما تأیید شد.
contact-use-button = برای تأیید شماره، لطفاً دکمه «ارسال شماره همراه من» را بزنید؛ شماره تایپ‌شده پذیرفته نمی‌شود.

## Receipt (DOMAIN.md §4)

receipt =
    🧾 <b>رسید الکترونیکی</b>
    <b>خدمت:</b> { $service }
    <b>گیرنده خدمت:</b> { $name }
    <b>شماره رهگیری:</b> <code>{ $code }</code>
    <b>تاریخ و ساعت:</b> { $when }
    <b>مبلغ دریافتی:</b> { $amount }
    <b>وضعیت:</b> { $status }
    —
    <b>ارائه‌دهنده:</b> { $desk }
    <b>شماره پروانه:</b> { $desk_licence }
    <b>متصدی:</b> { $operator }
    <b>نشانی:</b> { $address }
    این رسید را برای پیگیری نگه دارید: /track { $code }

## Staff chat

staff-attachment = 📎 پیوست { $index } پرونده <code>{ $code }</code>

## My cases and tracking

my-cases-empty = هنوز پرونده‌ای ندارید. برای ثبت شکایت /complaint را بفرستید.
my-cases =
    <b>پرونده‌های شما</b> ({ $count })
    { $lines }
    { $more }
    برای دیدن جزئیات: /track کد
my-cases-line = • <code>{ $code }</code> — { $business } — { $status } — { $date }
my-cases-more = و { $count } پرونده قدیمی‌تر.
track-ask-code = کد رهگیری را بفرستید؛ مثلاً ۱۲۳۴۵-۶۷۸۹۰ (با رقم فارسی یا انگلیسی).
track-bad-code = این کد رهگیری درست نیست. کد ده رقم دارد، مثلاً ۱۲۳۴۵-۶۷۸۹۰. لطفاً دوباره بررسی کنید.
track-not-found = پرونده‌ای با این کد رهگیری در میان پرونده‌های شما پیدا نشد.
track-case =
    <b>پرونده</b> <code>{ $code }</code>
    <b>کسب‌وکار:</b> { $business }
    <b>موضوع:</b> { $subject }
    <b>وضعیت:</b> { $status }
    <b>تاریخ ثبت:</b> { $received }
    { $due }
    <b>پیوست‌ها:</b> { $attachments }
    <b>سابقه:</b>
    { $history }
track-due = <b>مهلت مرحله فعلی:</b> { $due }
history-line = • { $when } — { $event } { $status }
event-filed = ثبت شکایت

## Texts longer than one message

text-cut-note = (متن کامل در پیام بعدی آمده است)
complaint-description-full =
    <b>شرح کامل شکایت شما:</b>
    { $description }
staff-description-full =
    📄 <b>شرح کامل پرونده</b> <code>{ $code }</code>:
    { $description }
