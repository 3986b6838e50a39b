package dev.bookrental.platform.web;

import java.util.List;

import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;

/**
 * Request bodies are read strictly: a field the API does not know is a 400 naming it (see
 * {@link ProblemDetailsAdvice}), not silently dropped. Only the HTTP converter is strict: the
 * application's shared JSON mapper stays tolerant, because Spring Cloud Bus and Kafka consumers
 * must read messages from newer producers that carry fields they do not know yet.
 */
public class StrictJsonBodies implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.replaceAll(converter -> converter instanceof JacksonJsonHttpMessageConverter json
                ? new JacksonJsonHttpMessageConverter(json.getMapper().rebuild()
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .build())
                : converter);
    }
}
