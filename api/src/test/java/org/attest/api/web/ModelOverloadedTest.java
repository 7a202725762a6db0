package org.attest.api.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import org.attest.serving.InferenceRejectedException;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** A full model queue (serving's typed rejection) reaches the client as 503 with Retry-After, never as a 500. */
class ModelOverloadedTest {

    @RestController
    static class OverloadedModel {

        @PostMapping("/v1/summaries")
        String summarize() {
            throw new InferenceRejectedException("clinical-summarizer-extractive:1", Duration.ofMillis(1500));
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new OverloadedModel())
            .setControllerAdvice(new ApiExceptionHandler())
            .build();

    @Test
    void aFullQueueIs503WithRetryAfterRoundedUpToWholeSeconds() throws Exception {
        mvc.perform(post("/v1/summaries"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(jsonPath("$.type").value("urn:attest:problem:model-overloaded"))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.instance").value("/v1/summaries"));
    }
}
