filedesc://x.arc 0.0.0.0 20240101000000 text/plain 73
1 0 Kuroshio
URL IP-address Archive-date Content-type Archive-length

http://example.jp/ 1.2.3.4 20240101000000 text/html 38
HTTP/1.0 200 OK

<p>arc page</p>

