/** The explorer's CSS: GOV.UK colours, a controls column beside the charts at 1280 px, one column on a tablet, A4 print. */
import { GovUk } from '../report/palette.ts';

const c = GovUk;

export const EXPLORER_CSS = `
*{box-sizing:border-box}
html{font-family:Arial,"Helvetica Neue",Helvetica,"DejaVu Sans",sans-serif;color:${c.black};background:${c.white};font-size:16px;line-height:1.4;overflow-wrap:break-word}
body{margin:0}
[hidden]{display:none!important}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:${c.yellow};padding:6px;z-index:9}
header{padding:10px 20px 8px;border-bottom:8px solid ${c.blue}}
.kicker{margin:0;color:${c.darkGrey};font-size:14px}
h1{font-size:26px;margin:2px 0 2px;line-height:1.15}
h2{font-size:19px;margin:0 0 8px}
h3{font-size:16px;margin:12px 0 4px}
.meta{margin:0;color:${c.darkGrey};font-size:13px}
.warn{background:#fff7bf;border-left:5px solid ${c.yellow};padding:6px 10px}
#run-notes{margin:10px 20px 0;max-width:75em;font-size:14px}
#run-notes h2{font-size:16px;margin:0 0 4px}
#run-notes ul{margin:0 0 4px;padding-left:1.2em}
#run-notes p{margin:0;color:${c.darkGrey};font-size:13px}
main{padding:12px 20px 40px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.cards{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:10px;margin:0 0 12px}
.card{border-left:5px solid ${c.blue};background:${c.lightGrey};padding:8px 10px;min-width:0}
.card.bad{border-left-color:${c.red}}.card.good{border-left-color:${c.green}}
.card.wide{grid-column:1/-1}
.refused{border:4px solid ${c.red};padding:10px 14px;margin:0 0 12px;max-width:60em}
.refused h2{color:${c.red};margin:0 0 6px}
.refused p{margin:0 0 6px}
.card .l{display:block;font-size:13px;color:${c.darkGrey}}
.card .v{display:block;font-size:24px;font-weight:bold;line-height:1.2}
.card .d{display:block;font-size:13px;color:${c.darkGrey}}
.layout{display:grid;grid-template-columns:minmax(300px,370px) minmax(0,1fr);gap:18px;align-items:start}
.layout>*{min-width:0}
#controls{position:sticky;top:8px;max-height:calc(100vh - 16px);overflow-y:auto;border:1px solid ${c.midGrey};padding:10px 12px;background:${c.white}}
.toolbar{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 8px}
button{font:inherit;font-size:14px;padding:5px 10px;border:2px solid ${c.darkBlue};background:${c.white};color:${c.darkBlue};cursor:pointer;border-radius:0}
button.primary{background:${c.blue};border-color:${c.blue};color:${c.white}}
button:disabled{opacity:.45;cursor:default}
button:focus-visible,input:focus-visible,summary:focus-visible,select:focus-visible{outline:3px solid ${c.yellow};outline-offset:0;box-shadow:0 0 0 5px ${c.black}}
details{border-top:1px solid ${c.midGrey};padding:4px 0}
summary{cursor:pointer;font-weight:bold;font-size:15px;padding:4px 0}
.lever{margin:6px 0 10px}
.lever label{display:block;font-size:14px;margin-bottom:2px}
.lever .row{display:flex;align-items:center;gap:8px}
.lever input[type=range]{flex:1;min-width:0;accent-color:${c.blue}}
.lever input[type=number]{width:96px;font:inherit;font-size:14px;padding:3px 4px;border:2px solid ${c.black}}
.lever .unit{font-size:13px;color:${c.darkGrey};min-width:2.5em}
.lever.changed label::after{content:" · changed";color:${c.purple};font-size:12px;font-weight:bold}
.lever .was{font-size:12px;color:${c.darkGrey}}
.lever .problem{margin:2px 0 0;font-size:13px;color:${c.red};font-weight:bold}.lever .problem:empty{display:none}
.status{display:flex;align-items:center;gap:10px;font-size:14px;color:${c.darkGrey};margin:0 0 8px;min-height:24px}
progress{width:180px;height:14px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(330px,1fr));gap:14px}
figure{margin:0;border:1px solid ${c.midGrey};padding:8px;break-inside:avoid;page-break-inside:avoid;min-width:0}
figcaption{font-weight:bold;font-size:15px;margin:0 0 4px}
.chart{position:relative;height:270px}
.chart canvas{display:block}
section{margin:18px 0 0}
.variants{display:flex;flex-wrap:wrap;gap:8px;margin:6px 0}
.chip{display:inline-flex;align-items:center;gap:6px;border:1px solid ${c.midGrey};padding:3px 6px;font-size:14px}
.swatch{display:inline-block;width:14px;height:14px}
.table-wrap{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;font-size:13px;margin:6px 0 14px;width:100%}
caption{text-align:left;font-weight:bold;padding:4px 0;font-size:14px}
th,td{border-bottom:1px solid ${c.midGrey};padding:3px 6px;text-align:right;white-space:nowrap}
th:first-child,td:first-child{text-align:left}
thead th{border-bottom:2px solid ${c.black};vertical-align:bottom}
td.neg{color:${c.red}}
table.compare td,table.compare th{white-space:normal;min-width:8em}
.group-note{font-size:13px;color:${c.darkGrey};margin:2px 0 6px}
.note{font-size:13px;color:${c.darkGrey};max-width:60em}
.error{color:${c.red};font-weight:bold}
@media (max-width:1100px){.cards{grid-template-columns:repeat(2,minmax(0,1fr))}}
@media (max-width:900px){
  #results-headline{position:sticky;top:0;z-index:5;background:${c.white};padding:4px 0;box-shadow:0 2px 0 ${c.midGrey}}
  .cards{margin:0;gap:6px}
  .card{padding:4px 8px}
  .card .v{font-size:18px}
  .card .d{display:none}
  .layout{grid-template-columns:minmax(0,1fr)}
  #controls{position:static;max-height:none}
  .charts{grid-template-columns:1fr}
  .lever input[type=range]{height:28px}
  button{padding:8px 12px}
}
@page{size:A4;margin:12mm}
@media print{
  html{font-size:10pt}
  header{border-bottom-width:4px;padding:0 0 4px}
  main{padding:0}
  .skip,#controls,.toolbar,.status button,.chip button,.no-print{display:none!important}
  .layout{display:block}
  .cards{grid-template-columns:repeat(4,minmax(0,1fr))}
  .card .v{font-size:15pt}
  .charts{grid-template-columns:repeat(2,minmax(0,1fr));gap:8px}
  .chart{height:220px}
  figure{border:0;padding:0}
  table{font-size:8pt}
  section{break-inside:avoid-page}
  .print-levers{display:block!important}
}
.print-levers{display:none;font-size:9pt}
`;
