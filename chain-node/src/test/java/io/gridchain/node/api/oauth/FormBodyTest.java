package io.gridchain.node.api.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FormBodyTest {
    private static Map<String, String> form(String body) {
        FormBody.Parsed parsed = FormBody.parse(body);
        assertThat(parsed).isInstanceOf(FormBody.Parsed.Form.class);
        return ((FormBody.Parsed.Form) parsed).params();
    }

    private static String refusal(String body) {
        FormBody.Parsed parsed = FormBody.parse(body);
        assertThat(parsed).isInstanceOf(FormBody.Parsed.Refused.class);
        return ((FormBody.Parsed.Refused) parsed).reason();
    }

    @Test
    void decodesPercentAndPlusAndLeavesPlainValuesAlone() {
        assertThat(form("grant_type=urn%3Agridchain%3Asiwe&message=a+b%0Ac&token=eyJ.e30.sig-_"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("grant_type", "urn:gridchain:siwe", "message", "a b\nc",
                        "token", "eyJ.e30.sig-_"));
    }

    @Test
    void emptyPartsAndValuelessNamesAreWhatBrowsersSend() {
        assertThat(form("")).isEmpty();
        assertThat(form("&&a=1&&b&c=")).containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "", "c", ""));
        assertThat(form("a=x=y")).containsEntry("a", "x=y");
    }

    @Test
    void aParameterGivenTwiceIsRefusedEvenWhenEncodedDifferently() {
        assertThat(refusal("token=a&token=b")).contains("token").contains("more than once");
        assertThat(refusal("token=a&t%6Fken=a")).contains("more than once");
    }

    @Test
    void brokenPercentEncodingIsRefused() {
        assertThat(refusal("token=%zz")).contains("percent-encoding");
        assertThat(refusal("token=abc%")).contains("percent-encoding");
    }
}
