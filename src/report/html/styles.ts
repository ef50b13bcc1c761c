/** The report's inline CSS: GOV.UK colours, readable on screen, printing cleanly to A4. */
import { GovUk } from '../palette.ts';

export const REPORT_CSS = `
*{box-sizing:border-box}
html{font-family:Arial,"Helvetica Neue",Helvetica,"DejaVu Sans",sans-serif;color:${GovUk.black};background:${GovUk.white}}
body{margin:0 auto;max-width:960px;padding:24px 20px 48px;line-height:1.5;font-size:16px}
header{border-bottom:10px solid ${GovUk.blue};padding-bottom:12px;margin-bottom:20px}
h1{font-size:32px;line-height:1.15;margin:0 0 8px}
h2{font-size:24px;margin:36px 0 10px;padding-top:8px;border-top:2px solid ${GovUk.midGrey}}
h3{font-size:19px;margin:20px 0 6px}
p{margin:0 0 12px;max-width:42em}
.meta{color:${GovUk.darkGrey};font-size:14px;margin:0}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px;margin:16px 0}
.card{border-left:5px solid ${GovUk.blue};background:${GovUk.lightGrey};padding:10px 12px}
.card.bad{border-left-color:${GovUk.red}}
.warn{border-left:5px solid ${GovUk.red};background:${GovUk.lightGrey};padding:10px 12px;margin:12px 0 16px}
.card .v{font-size:26px;font-weight:bold;display:block}
.card .l{font-size:14px;color:${GovUk.darkGrey}}
figure{margin:16px 0 24px;break-inside:avoid;page-break-inside:avoid}
figure img{display:block;width:100%;height:auto;border:1px solid ${GovUk.midGrey}}
figcaption{font-size:14px;color:${GovUk.darkGrey};margin-top:6px}
.table-wrap{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;margin:8px 0 20px;font-size:14px;width:100%;break-inside:avoid;page-break-inside:avoid}
caption{text-align:left;font-weight:bold;padding:4px 0}
th,td{border-bottom:1px solid ${GovUk.midGrey};padding:5px 6px;text-align:right;vertical-align:top}
th:first-child,td:first-child{text-align:left}
td{white-space:nowrap}
td.prose{white-space:normal;text-align:left}
th.prose{text-align:left}
thead th{border-bottom:2px solid ${GovUk.black}}
td.neg{color:${GovUk.red}}
ul{margin:0 0 12px;padding-left:22px}
li{max-width:42em}
.small{font-size:13px;color:${GovUk.darkGrey}}
.hash{font-family:"DejaVu Sans Mono",monospace;font-size:11px;word-break:break-all}
nav ol{columns:2;font-size:15px;margin:0;padding-left:22px}
a{color:${GovUk.blue}}
@page{size:A4;margin:15mm 14mm 16mm}
@media print{
  body{max-width:none;padding:0;font-size:11pt}
  header{border-bottom-width:6px}
  h1{font-size:22pt}
  h2{font-size:15pt;break-after:avoid;page-break-after:avoid}
  h3{break-after:avoid;page-break-after:avoid}
  nav{display:none}
  .card .v{font-size:16pt}
  table{font-size:9pt}
  a{color:${GovUk.black};text-decoration:none}
  section.chapter{break-before:auto}
}
`;
