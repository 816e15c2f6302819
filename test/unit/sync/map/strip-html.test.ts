import { stripHtml } from '../../../../src/sync/map/strip-html';

describe('stripHtml', () => {
  it.each([
    { html: null, text: '' },
    { html: '', text: '' },
    { html: 'plain text', text: 'plain text' },
    { html: '<p>One</p><p>Two</p>', text: 'One\nTwo' },
    { html: 'a<br>b<br/>c', text: 'a\nb\nc' },
    { html: '<ul><li>x</li><li>y</li></ul>', text: 'x\ny' },
    { html: '<p>  lots   of\n space </p>', text: 'lots of space' },
    {
      html: 'Tom &amp; Jerry &lt;3 &quot;hi&quot; &#39;x&#39; &#x41;',
      text: 'Tom & Jerry <3 "hi" \'x\' A',
    },
    { html: '<style>p{color:red}</style><p>shown</p><script>alert(1)</script>', text: 'shown' },
    { html: '&bogus; &#0;', text: '&bogus; &#0;' },
    { html: '<p><br></p>', text: '' },
  ])('$html → $text', ({ html, text }) => {
    expect(stripHtml(html)).toBe(text);
  });
});
